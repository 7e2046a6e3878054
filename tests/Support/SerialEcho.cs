using System.Threading.Channels;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.SerialConsole;

namespace SharpAmt.Tests.Support;

/// <summary>
/// A stand-in for the host's console in tests: whatever a SOL client types comes straight back, in order,
/// optionally after a prompt. Dispose to stop echoing.
/// </summary>
public sealed class SerialEcho : IAsyncDisposable
{
    private readonly HostSerialPort _port;
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SerialEcho(HostSerialPort port)
    {
        _port = port;
        _port.InputReceived += OnInput;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Device console options that leave the serial port to the echo: the scripted host stays silent.</summary>
    public static HostConsoleOptions HostConsoleOff { get; } = HostConsoleOptions.Default with { Enabled = false };

    /// <summary>Everything typed so far, as the host received it.</summary>
    public MemoryStream Typed { get; } = new();

    private void OnInput(byte[] data)
    {
        lock (Typed)
        {
            Typed.Write(data);
        }

        _queue.Writer.TryWrite(data);
    }

    public byte[] TypedBytes()
    {
        lock (Typed)
        {
            return Typed.ToArray();
        }
    }

    private async Task WriteAsync()
    {
        await foreach (var data in _queue.Reader.ReadAllAsync())
        {
            await _port.HostWriteAsync(data);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _port.InputReceived -= OnInput;
        _queue.Writer.TryComplete();
        await _writer;
    }
}
