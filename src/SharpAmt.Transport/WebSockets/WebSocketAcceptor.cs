using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using SharpAmt.Transport.Http;

namespace SharpAmt.Transport.WebSockets;

/// <summary>
/// Turns an accepted connection into a server-side <see cref="WebSocket"/>: reads one upgrade request within the
/// size and time bounds of <see cref="WebSocketAcceptOptions"/>, answers 101, or answers the refusal and lets the
/// client read it before the caller closes the connection.
/// </summary>
public static class WebSocketAcceptor
{
    // After a refusal, what is still on its way from the client is read and dropped (for at most this long and this
    // much), so closing does not reset the connection under the answer before the client has read it.
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(1);
    private const int DrainBytes = 64 * 1024;

    /// <summary>
    /// Never throws for what the client does; a refusal comes back as <see cref="WebSocketAcceptResult.Decision"/>. The
    /// caller keeps owning <paramref name="stream"/>; on success the returned WebSocket also uses it.
    /// </summary>
    public static async Task<WebSocketAcceptResult> AcceptAsync(Stream stream, WebSocketAcceptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var decision = await ReadAndDecideAsync(stream, options, cancellationToken).ConfigureAwait(false);
        if (decision.Refusal == WebSocketRefusal.ClosedEarly)
        {
            return new WebSocketAcceptResult(decision, null);
        }

        var answer = new ArrayBufferWriter<byte>(512);
        WebSocketUpgrade.WriteAnswer(answer, decision);
        using (var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            writing.CancelAfter(options.HeadTimeout);
            try
            {
                await stream.WriteAsync(answer.WrittenMemory, writing.Token).ConfigureAwait(false);
                await stream.FlushAsync(writing.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsClientGone(exception) && !cancellationToken.IsCancellationRequested)
            {
                return new WebSocketAcceptResult(decision.IsAccepted ? WebSocketUpgradeDecision.Refuse(WebSocketRefusal.ClosedEarly) : decision, null);
            }
        }

        if (!decision.IsAccepted)
        {
            await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
            return new WebSocketAcceptResult(decision, null);
        }

        var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = decision.SubProtocol,
            KeepAliveInterval = options.KeepAliveInterval,
        });
        return new WebSocketAcceptResult(decision, webSocket);
    }

    private static async Task<WebSocketUpgradeDecision> ReadAndDecideAsync(Stream stream, WebSocketAcceptOptions options, CancellationToken cancellationToken)
    {
        var limits = HttpLimits.Default with { MaxHeadBytes = options.MaxHeadBytes };
        var buffer = new byte[options.MaxHeadBytes];
        var filled = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HeadTimeout);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.ClosedEarly);
                }

                filled += read;
                if (TryParse(buffer.AsMemory(0, filled), limits, out var head, out var extra))
                {
                    return extra > 0
                        ? WebSocketUpgradeDecision.Refuse(WebSocketRefusal.DataBeforeHandshake, $"{extra} bytes")
                        : WebSocketUpgrade.Decide(head, options);
                }

                if (filled == buffer.Length)
                {
                    return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.HeadTooLarge, $"over {options.MaxHeadBytes} bytes");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.TimedOut, $"{filled} bytes in {options.HeadTimeout.TotalSeconds:0.#} s");
        }
        catch (AmtProtocolException violation)
        {
            return violation.Violation == ProtocolViolation.HeadTooLarge
                ? WebSocketUpgradeDecision.Refuse(WebSocketRefusal.HeadTooLarge, $"over {options.MaxHeadBytes} bytes")
                : WebSocketUpgradeDecision.Refuse(WebSocketRefusal.MalformedRequest, violation.Message);
        }
        catch (Exception exception) when (IsClientGone(exception) && !cancellationToken.IsCancellationRequested)
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.ClosedEarly);
        }
    }

    private static bool TryParse(ReadOnlyMemory<byte> bytes, HttpLimits limits, out HttpRequestHead head, out long extra)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var parsed = HttpHeadParser.TryReadRequestHead(ref reader, limits, out head);
        extra = reader.Remaining;
        return parsed;
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream is NetworkStream network)
        {
            // The answer is complete: tell the client so at once, then wait for its end.
            try
            {
                network.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                return;
            }
        }

        using var draining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        draining.CancelAfter(DrainTime);
        var sink = new byte[4096];
        try
        {
            for (var drained = 0; drained < DrainBytes;)
            {
                var read = await stream.ReadAsync(sink, draining.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                drained += read;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException || IsClientGone(exception))
        {
            // Time is up or the client left: either way the caller may close now.
        }
    }

    private static bool IsClientGone(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException;
}
