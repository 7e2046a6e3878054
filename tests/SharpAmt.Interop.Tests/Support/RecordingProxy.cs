using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharpAmt.Interop.Tests.Support;

/// <summary>One HTTP request as a client sent it: its head lines and its body.</summary>
internal sealed record RecordedRequest(IReadOnlyList<string> Head, string Body)
{
    public string RequestLine => Head[0];

    public string Path => Head[0].Split(' ')[1];

    public string? Header(string name) =>
        Head.Skip(1).FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) is { } line
            ? line[(name.Length + 1)..].Trim()
            : null;
}

/// <summary>
/// A TCP relay in front of a simulated device that keeps every byte clients send, so a test can see exactly what
/// a real client put on the wire while the device still answers it. One connection per request, as amttool does.
/// </summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<(long Order, MemoryStream Bytes)> _connections = new();
    private readonly Task _accepting;
    private long _order;

    private RecordingProxy(Socket listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        _accepting = AcceptAsync();
    }

    public IPAddress Address => ((IPEndPoint)_listener.LocalEndPoint!).Address;

    public static RecordingProxy Start(IPAddress address, IPEndPoint target)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, target.Port));
        listener.Listen(32);
        return new RecordingProxy(listener, target);
    }

    /// <summary>
    /// The requests received so far, in the order their connections were opened. Bytes are kept before they are
    /// passed on, so once a client has its reply, its request is here.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests() =>
        _connections.OrderBy(connection => connection.Order).SelectMany(connection => Parse(Snapshot(connection.Bytes))).ToArray();

    private static byte[] Snapshot(MemoryStream bytes)
    {
        lock (bytes)
        {
            return bytes.ToArray();
        }
    }

    private async Task AcceptAsync()
    {
        var relays = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(_stopping.Token);
                relays.Add(RelayAsync(client, Interlocked.Increment(ref _order)));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping.
        }

        await Task.WhenAll(relays);
    }

    private async Task RelayAsync(Socket client, long order)
    {
        var recorded = new MemoryStream();
        _connections.Enqueue((order, recorded));
        using (client)
        using (var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            try
            {
                await server.ConnectAsync(_target, _stopping.Token);
                var upstream = PumpAsync(client, server, recorded);
                var downstream = PumpAsync(server, client, null);
                await Task.WhenAny(upstream, downstream);
                client.Shutdown(SocketShutdown.Both);
                server.Shutdown(SocketShutdown.Both);
                await Task.WhenAll(upstream, downstream);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client or the device went away; what arrived is kept.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, MemoryStream? record)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var count = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (count == 0)
                {
                    return;
                }

                if (record is not null)
                {
                    lock (record)
                    {
                        record.Write(buffer, 0, count);
                    }
                }

                await to.SendAsync(buffer.AsMemory(0, count), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side closed.
        }
    }

    /// <summary>Splits a connection's bytes into requests by their Content-Length (amttool never chunks).</summary>
    private static IEnumerable<RecordedRequest> Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf("\r\n\r\n", position, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            var head = text[position..end].Split("\r\n");
            var length = head.Skip(1)
                .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
                .FirstOrDefault();
            var bodyStart = end + 4;
            var body = text.Substring(bodyStart, Math.Min(length, text.Length - bodyStart));
            yield return new RecordedRequest(head, body);
            position = bodyStart + body.Length;
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
