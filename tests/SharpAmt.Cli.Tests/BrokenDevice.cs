using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// A device that breaks HTTP on purpose, on a loopback address of its own: it answers every request on every
/// connection with fixed bytes, or trickles a reply that never ends.
/// </summary>
internal sealed class BrokenDevice : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private BrokenDevice(Socket listener, Func<NetworkStream, CancellationToken, Task> answer)
    {
        _listener = listener;
        _accepting = AcceptAsync(answer);
    }

    public IPAddress Address => ((IPEndPoint)_listener.LocalEndPoint!).Address;

    /// <summary>Answers with fixed bytes and closes.</summary>
    public static BrokenDevice Replying(string reply) => Start(async (stream, cancellationToken) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), cancellationToken);
    });

    /// <summary>Sends a chunked 200 head, then one small chunk after another for as long as the client listens.</summary>
    public static BrokenDevice Endless() => Start(async (stream, cancellationToken) =>
    {
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nServer: Intel(R) Active Management Technology 12.0.67.1579\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), cancellationToken);
        for (var i = 0; i < 10_000 && !cancellationToken.IsCancellationRequested; i++)
        {
            await stream.WriteAsync("0001\r\n \r\n"u8.ToArray(), cancellationToken);
            await Task.Delay(50, cancellationToken);
        }
    });

    private static BrokenDevice Start(Func<NetworkStream, CancellationToken, Task> answer)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(TestDevices.NextAddress(), 16992));
        listener.Listen(16);
        return new BrokenDevice(listener, answer);
    }

    private async Task AcceptAsync(Func<NetworkStream, CancellationToken, Task> answer)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, answer);
        }
    }

    private async Task ServeAsync(Socket client, Func<NetworkStream, CancellationToken, Task> answer)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            var buffer = new byte[8192];
            await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, _stopping.Token);
            await answer(stream, _stopping.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
        {
            // The client gave up; that is what these tests wait for.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        _stopping.Dispose();
    }
}
