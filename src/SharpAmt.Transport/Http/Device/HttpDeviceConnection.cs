using System.Buffers;
using System.IO.Pipelines;

namespace SharpAmt.Transport.Http.Device;

/// <summary>
/// Serves one accepted connection: reads requests in order (pipelined ones included), lets the application
/// answer, writes each reply in one write, and closes when the reply or the client asks for it.
/// </summary>
public static class HttpDeviceConnection
{
    public static async Task ServeAsync(Stream stream, IHttpDeviceApplication application, HttpDeviceOptions options, CancellationToken cancellationToken)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        var reader = new HttpMessageReader(pipe, options.Limits);
        var output = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                HttpRequest? request;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(options.IdleTimeout);
                    try
                    {
                        request = await reader.ReadRequestAsync(timeout.Token).ConfigureAwait(false);
                    }
                    catch (AmtProtocolException violation)
                    {
                        await WriteAsync(stream, output, application.RejectMalformed(violation), cancellationToken).ConfigureAwait(false);
                        return;
                    }
                }

                if (request is null)
                {
                    return;
                }

                HttpDeviceReply reply;
                using (var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var handling = application.HandleAsync(request, aborted.Token);
                    if (handling.IsCompleted)
                    {
                        reply = await handling.ConfigureAwait(false);
                    }
                    else
                    {
                        // Only a reply that takes time needs to notice the client leaving; watching costs a read per request.
                        var watch = CancelWhenPeerClosesAsync(pipe, aborted);
                        try
                        {
                            reply = await handling.ConfigureAwait(false);
                        }
                        finally
                        {
                            pipe.CancelPendingRead();
                            await watch.ConfigureAwait(false);
                        }
                    }
                }

                var complete = await WriteAsync(stream, output, reply, cancellationToken).ConfigureAwait(false);
                if (!complete || reply.CloseConnection || !request.WantsKeepAlive)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the device is stopping: nothing is left to answer.
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// While a request is handled, notices the client going away (like Kestrel's RequestAborted), so a device
    /// does not act on a request whose client has already given up. Pipelined bytes are left unconsumed.
    /// </summary>
    private static async Task CancelWhenPeerClosesAsync(PipeReader pipe, CancellationTokenSource aborted)
    {
        try
        {
            var result = await pipe.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            pipe.AdvanceTo(result.Buffer.Start);
            if (!result.IsCanceled && result.IsCompleted && result.Buffer.IsEmpty)
            {
                await aborted.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            await aborted.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> WriteAsync(Stream stream, ArrayBufferWriter<byte> output, HttpDeviceReply reply, CancellationToken cancellationToken)
    {
        output.ResetWrittenCount();
        HttpMessageWriter.WriteResponse(output, reply.StatusCode, reply.ReasonPhrase, reply.Headers, reply.Body.Span, reply.ChunkSize);
        var bytes = output.WrittenMemory;
        if (reply.TruncateAfterBytes is { } limit && limit < bytes.Length)
        {
            await stream.WriteAsync(bytes[..limit], cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
