using System.Text;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.SerialConsole;
using Xunit;

namespace SharpAmt.Simulator.Tests.SerialConsole;

/// <summary>
/// A SOL client stand-in on the host's serial port: it collects what the host writes and types keys. Reads go
/// forward from a mark, so a test checks what came after its last key.
/// </summary>
internal sealed class SerialTerminal : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HostSerialPort _port;
    private readonly IDisposable _attachment;
    private readonly StringBuilder _output = new();
    private int _mark;

    public SerialTerminal(HostSerialPort port)
    {
        _port = port;
        _attachment = port.TryAttach(data =>
        {
            lock (_output)
            {
                _output.Append(Encoding.ASCII.GetString(data.Span));
            }

            return ValueTask.CompletedTask;
        }) ?? throw new InvalidOperationException("the serial port already has a session");
    }

    public const string Up = "\e[A";
    public const string Down = "\e[B";
    public const string Right = "\e[C";
    public const string Left = "\e[D";
    public const string Escape = "\e";

    /// <summary>Everything the host wrote while attached.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What came since the last <see cref="WaitForAsync"/>.</summary>
    public string Unread => Output[_mark..];

    public void Type(string keys) => _port.RemoteInput(Encoding.ASCII.GetBytes(keys));

    /// <summary>Waits until <paramref name="text"/> appears after the mark; returns what came up to its end and moves the mark there.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var output = Output;
            var at = output.IndexOf(text, _mark, StringComparison.Ordinal);
            if (at >= 0)
            {
                var seen = output[_mark..(at + text.Length)];
                _mark = at + text.Length;
                return seen;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"'{text}' never came; after the mark the host wrote: {Visible(output[_mark..])}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>The text of the last reverse-video (highlighted) stretch in <paramref name="screen"/>.</summary>
    public static string Highlighted(string screen)
    {
        var start = screen.LastIndexOf("\e[7m", StringComparison.Ordinal);
        Assert.True(start >= 0, "nothing is highlighted");
        var end = screen.IndexOf("\e[", start + 4, StringComparison.Ordinal);
        return screen[(start + 4)..end].Trim();
    }

    public static async Task WaitForStateAsync(HostConsole console, HostConsoleState state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (console.State != state)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the console stayed {console.State}, never {state}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>For checks that something does not happen: gives wrong output a moment to show up.</summary>
    public static Task QuietMomentAsync() => Task.Delay(50, TestContext.Current.CancellationToken);

    private static string Visible(string text) => text.Replace("\e", "<ESC>", StringComparison.Ordinal).Replace("\r", "<CR>", StringComparison.Ordinal).Replace("\n", "<LF>", StringComparison.Ordinal);

    public void Dispose() => _attachment.Dispose();
}
