using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A private X server without a monitor (Xvfb, 24-bit TrueColor, no window manager) for one test's viewer:
/// display numbers from :190 up, one per use, skipping any another run holds.
/// </summary>
internal sealed class XvfbDisplay : IAsyncDisposable
{
    private const int FirstDisplay = 190;
    private const int LastDisplay = 239;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);
    private static int _next = FirstDisplay - 1;

    private readonly BackgroundProgram _server;

    private XvfbDisplay(int number, int width, int height, BackgroundProgram server)
    {
        Number = number;
        Width = width;
        Height = height;
        _server = server;
    }

    public int Number { get; }

    /// <summary>The value of DISPLAY and of the X programs' -display option.</summary>
    public string Name => $":{Number}";

    public int Width { get; }

    public int Height { get; }

    /// <summary>DISPLAY for programs started on this screen.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["DISPLAY"] = Name };

    public static async Task<XvfbDisplay> StartAsync(int width, int height, CancellationToken cancellationToken)
    {
        VncTools.Require(VncTools.Xvfb);
        while (true)
        {
            var number = Interlocked.Increment(ref _next);
            Assert.True(number <= LastDisplay, $"the VNC tests ran out of X display numbers (:{FirstDisplay}–:{LastDisplay})");
            if (await TryStartAsync(number, width, height, cancellationToken) is { } display)
            {
                return display;
            }
        }
    }

    /// <summary>
    /// A display numbered within <paramref name="block"/> only, for tests that must keep to their own numbers: each number
    /// in turn, skipping those another server holds, a few rounds before giving up.
    /// </summary>
    public static async Task<XvfbDisplay> StartAsync(int width, int height, XvfbDisplayBlock block, CancellationToken cancellationToken)
    {
        VncTools.Require(VncTools.Xvfb);
        for (var attempt = 0; attempt < 4 * block.Count; attempt++)
        {
            if (attempt > 0 && attempt % block.Count == 0)
            {
                // Every number was taken: give a server that is shutting down time to let go of its number.
                await Task.Delay(500, cancellationToken);
            }

            if (await TryStartAsync(block.Next(), width, height, cancellationToken) is { } display)
            {
                return display;
            }
        }

        Assert.Fail($"every X display of {block} stayed taken");
        return null!;
    }

    /// <summary>Xvfb on <paramref name="number"/>; null when another server holds that number.</summary>
    private static async Task<XvfbDisplay?> TryStartAsync(int number, int width, int height, CancellationToken cancellationToken)
    {
        if (HeldByAnother(number))
        {
            return null;
        }

        var server = BackgroundProgram.Start(VncTools.Xvfb, [$":{number}", "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp", "-noreset"]);
        var display = new XvfbDisplay(number, width, height, server);
        if (await display.WaitUntilReadyAsync(cancellationToken))
        {
            return display;
        }

        var output = server.Output;
        await display.DisposeAsync();
        if (!output.Contains("already active", StringComparison.Ordinal))
        {
            Assert.Fail($"Xvfb :{number} did not start within {StartLimit.TotalSeconds} s: {output}");
        }

        return null;
    }

    /// <summary>Asks the server to stop (SIGTERM) so it removes its lock file and socket; kills it if it will not.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited && !OperatingSystem.IsWindows())
        {
            Posix.Terminate(_server.Id);
            await _server.WaitForExitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        await _server.DisposeAsync();
    }

    /// <summary>
    /// A lock file naming a live process means another X server has the number. A stale one (its server was killed)
    /// does not: Xvfb replaces it itself.
    /// </summary>
    private static bool HeldByAnother(int number)
    {
        var lockFile = $"/tmp/.X{number}-lock";
        if (!File.Exists(lockFile))
        {
            return false;
        }

        try
        {
            return !int.TryParse(File.ReadAllText(lockFile).Trim(), out var pid) || Directory.Exists($"/proc/{pid}");
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The server accepts connections on its socket; false when it exited or the time ran out first.</summary>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var socketPath = $"/tmp/.X11-unix/X{Number}";
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartLimit && !_server.HasExited)
        {
            if (File.Exists(socketPath))
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return true;
                }
                catch (SocketException)
                {
                    // Still setting up; try again shortly.
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }
}
