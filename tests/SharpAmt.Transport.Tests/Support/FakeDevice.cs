using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SharpAmt.Transport.Http;

namespace SharpAmt.Transport.Tests.Support;

/// <summary>
/// A scriptable device on a loopback address, built from the real HTTP reader and writer: each accepted
/// connection is handed to the script, which reads requests and answers, stalls, drops or resets as the
/// scenario needs.
/// </summary>
public sealed class FakeDevice : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FakeConnection, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private int _accepted;

    private FakeDevice(IPAddress address, int port, Func<FakeConnection, CancellationToken, Task> serve)
    {
        _serve = serve;
        _listener = new TcpListener(address, port);
        _listener.Start();
        Address = address;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Every request read by a script, with the index of the connection it came on.</summary>
    public ConcurrentQueue<(int Connection, HttpRequest Request)> Requests { get; } = new();

    /// <summary>Exceptions scripts threw other than the peer going away.</summary>
    public ConcurrentQueue<Exception> Faults { get; } = new();

    public static FakeDevice Start(Func<FakeConnection, CancellationToken, Task> serve, IPAddress? address = null, int port = 16992) =>
        new(address ?? Loopback.Next(), port, serve);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = new FakeConnection(this, Interlocked.Increment(ref _accepted) - 1, socket);
            _connections.Add(Task.Run(() => RunAsync(connection)));
        }
    }

    private async Task RunAsync(FakeConnection connection)
    {
        try
        {
            await _serve(connection, _stop.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
            // The client went away or the test is over.
        }
        catch (Exception exception)
        {
            Faults.Enqueue(exception);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    internal void Record(int connection, HttpRequest request) => Requests.Enqueue((connection, request));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }
}

/// <summary>One accepted connection as a script sees it.</summary>
public sealed class FakeConnection : IAsyncDisposable
{
    private readonly FakeDevice _device;
    private readonly PipeReader _pipe;
    private readonly HttpMessageReader _reader;
    private bool _closed;

    internal FakeConnection(FakeDevice device, int index, Socket socket)
    {
        _device = device;
        Index = index;
        Socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: true);
        _pipe = PipeReader.Create(Stream, new StreamPipeReaderOptions(leaveOpen: true));
        _reader = new HttpMessageReader(_pipe, HttpLimits.Default);
    }

    /// <summary>0 for the first connection the device accepted, 1 for the next…</summary>
    public int Index { get; }

    public Socket Socket { get; }

    public NetworkStream Stream { get; }

    public async Task<HttpRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var request = await _reader.ReadRequestAsync(cancellationToken);
        if (request is not null)
        {
            _device.Record(Index, request);
        }

        return request;
    }

    public async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await Stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);
        await Stream.FlushAsync(cancellationToken);
    }

    public async Task ReplyAsync(int status, string reason, HttpHeaders headers, string body, CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>();
        HttpMessageWriter.WriteResponse(output, status, reason, headers, Encoding.UTF8.GetBytes(body));
        await Stream.WriteAsync(output.WrittenMemory, cancellationToken);
        await Stream.FlushAsync(cancellationToken);
    }

    /// <summary>A 200 with a Content-Length body, the connection kept open.</summary>
    public Task OkAsync(string body, CancellationToken cancellationToken) =>
        ReplyAsync(200, "OK", new HttpHeaders()
            .Add("Server", "Intel(R) Active Management Technology 12.0.67")
            .Add("Content-Length", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture)), body, cancellationToken);

    /// <summary>Ends the connection with a TCP reset, as a device whose accept queue overflowed does.</summary>
    public void Reset()
    {
        _closed = true;
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>Ends the connection with an orderly close.</summary>
    public void Close()
    {
        _closed = true;
        Socket.Shutdown(SocketShutdown.Both);
        Socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _pipe.CompleteAsync();
        if (!_closed)
        {
            await Stream.DisposeAsync();
        }
    }
}
