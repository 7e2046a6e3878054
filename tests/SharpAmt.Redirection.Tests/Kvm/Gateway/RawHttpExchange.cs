using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// A client that writes exactly the bytes a test gives (a malformed, oversized or slow upgrade request) and reads
/// what comes back until the server closes, bounded in time and size.
/// </summary>
internal static class RawHttpExchange
{
    /// <summary>Sends <paramref name="request"/>, in pieces with pauses between when <paramref name="pause"/> is set, then reads the answer.</summary>
    public static async Task<RawHttpAnswer> SendAsync(IPEndPoint endpoint, string request, CancellationToken cancellationToken, TimeSpan? pause = null, int pieces = 1)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint, cancellationToken);
        var bytes = Encoding.Latin1.GetBytes(request);
        var piece = (bytes.Length + pieces - 1) / pieces;
        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            await socket.SendAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), cancellationToken);
            if (pause is { } wait && offset + piece < bytes.Length)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return await ReadAnswerAsync(socket, cancellationToken);
    }

    /// <summary>Sends nothing at all and waits for the server to give up on the request.</summary>
    public static async Task<(RawHttpAnswer Answer, TimeSpan After)> StaySilentAsync(IPEndPoint endpoint, string start, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint, cancellationToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await socket.SendAsync(Encoding.Latin1.GetBytes(start), cancellationToken);
        var answer = await ReadAnswerAsync(socket, cancellationToken);
        return (answer, watch.Elapsed);
    }

    private static async Task<RawHttpAnswer> ReadAnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (received.Length < 64 * 1024)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, limit.Token);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        Assert.False(limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested, "the server neither answered nor closed");
        return new RawHttpAnswer(Encoding.Latin1.GetString(received.ToArray()));
    }
}

/// <summary>What a server sent back: the status and the header lines.</summary>
internal sealed record RawHttpAnswer(string Text)
{
    public int Status => Text.Length >= 12 && int.TryParse(Text.AsSpan(9, 3), out var status) ? status : 0;

    public string? Header(string name) =>
        Text.Split("\r\n").Skip(1).TakeWhile(line => line.Length > 0)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();
}
