using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Transport.Http.Client;

/// <summary>One keep-alive connection to a device: TCP, optionally TLS, and the response reader.</summary>
internal sealed class HttpClientConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly HttpMessageReader _reader;
    private readonly PipeReader _pipe;
    private readonly ArrayBufferWriter<byte> _requestBuffer = new(2048);

    private HttpClientConnection(Stream stream, HttpLimits limits, string endpoint)
    {
        _stream = stream;
        Endpoint = endpoint;
        _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _reader = new HttpMessageReader(_pipe, limits);
    }

    public string Endpoint { get; }

    public int ResponsesReceived { get; private set; }

    public static async Task<HttpClientConnection> OpenAsync(AmtHttpClientOptions options, CancellationToken cancellationToken)
    {
        var endpoint = Endpoints.Format(options.Host, options.Port);
        var dialer = options.Dialer ?? DirectDialer.Instance;
        var stream = await dialer.ConnectAsync(options.Host, options.Port, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (options.UseTls)
        {
            stream = await TlsClientConnector.AuthenticateAsync(stream, options.Host, options.Port, options.Tls, cancellationToken).ConfigureAwait(false);
        }

        return new HttpClientConnection(stream, options.Limits, endpoint);
    }

    /// <summary>Sends one request and reads its response, translating every transport failure.</summary>
    public async Task<HttpResponse> SendAsync(string method, string target, HttpHeaders headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        _requestBuffer.ResetWrittenCount();
        HttpMessageWriter.WriteRequest(_requestBuffer, method, target, headers, body.Span);
        try
        {
            await _stream.WriteAsync(_requestBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var response = await _reader.ReadResponseAsync(cancellationToken).ConfigureAwait(false);
            ResponsesReceived++;
            return response;
        }
        catch (EndOfStreamException exception)
        {
            throw Closed(exception);
        }
        catch (IOException exception)
        {
            throw exception.InnerException is SocketException socketException && _reader.BytesOfCurrentMessage == 0
                ? WithFreshness(TcpConnector.Translate(Endpoint, socketException))
                : Closed(exception);
        }
        catch (AmtProtocolException exception)
        {
            throw exception.WithEndpoint(Endpoint);
        }
    }

    /// <summary>Whether any part of the current reply arrived before the failure.</summary>
    public bool ReplyStarted => _reader.BytesOfCurrentMessage > 0;

    private AmtConnectionException Closed(Exception exception) => _reader.BytesOfCurrentMessage == 0
        ? WithFreshness(new AmtConnectionException(Endpoint, ConnectionFailure.ClosedBeforeReply, $"{Endpoint}: the device closed the connection without replying", exception))
        : new AmtConnectionException(Endpoint, ConnectionFailure.DroppedMidReply, $"{Endpoint}: the connection dropped in the middle of the reply", exception);

    private AmtConnectionException WithFreshness(AmtConnectionException exception) =>
        new(exception.Endpoint, exception.Failure, exception.Message, exception.InnerException)
        {
            NoReplyOnFreshConnection = ResponsesReceived == 0 && _reader.BytesOfCurrentMessage == 0,
        };

    public async ValueTask DisposeAsync()
    {
        await _pipe.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
