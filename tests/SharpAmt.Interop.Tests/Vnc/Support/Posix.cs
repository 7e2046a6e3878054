using System.Runtime.InteropServices;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>The one POSIX call .NET's Process lacks: a polite SIGTERM, so an X server can clean up after itself.</summary>
internal static class Posix
{
    private const int SigTerm = 15;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in the test project for one int call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
