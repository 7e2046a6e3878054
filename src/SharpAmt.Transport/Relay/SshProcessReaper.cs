using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace SharpAmt.Transport.Relay;

/// <summary>
/// Ends every ssh process a relay started when this process exits, even if nobody disposed the relay:
/// an orphaned <c>ssh -N</c> would otherwise keep its SOCKS port open indefinitely.
/// </summary>
internal static class SshProcessReaper
{
    private static readonly ConcurrentDictionary<Process, bool> Live = Register();

    public static void Track(Process process) => Live[process] = true;

    public static void Forget(Process process) => Live.TryRemove(process, out _);

    /// <summary>Ends the process and whatever it started (the watchdog wrapper runs ssh as its child).</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private static ConcurrentDictionary<Process, bool> Register()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Live.Keys)
            {
                Kill(process);
            }
        };
        return new ConcurrentDictionary<Process, bool>();
    }
}
