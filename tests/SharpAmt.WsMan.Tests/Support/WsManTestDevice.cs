using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Transport;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;
using SharpAmt.WsMan.Device;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Tests.Support;

/// <summary>
/// A WS-Man device on its own loopback address (127.0.40.x): the real HTTP device loop, digest
/// authentication and the dispatcher over <see cref="TestWsManService"/>. A test may answer some requests
/// itself through <see cref="Override"/>.
/// </summary>
public sealed class WsManTestDevice : IAsyncDisposable, IHttpDeviceApplication
{
    public const string User = "admin";
    public const string Password = "P@ssw0rd!";
    public const string Realm = "Digest:727734D63A1FC0423736E48DA554E462";

    private static int _next;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private readonly DigestNonceStore _nonces = new();

    public WsManTestDevice(TestWsManService? service = null)
    {
        Service = service ?? TestWsManService.WithAmtClasses(11);
        Dispatcher = new WsManDispatcher(Service);
        var index = Interlocked.Increment(ref _next);
        Address = new IPAddress([127, 0, 40, (byte)index]);
        _listener = new TcpListener(Address, 16992);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public TestWsManService Service { get; }

    public WsManDispatcher Dispatcher { get; }

    public AmtHttpReplies Replies { get; } = new("12.0.67.1579");

    /// <summary>Answers a request instead of the dispatcher when it returns a reply.</summary>
    public Func<WsManRequest, HttpDeviceReply?>? Override { get; set; }

    /// <summary>Every authenticated WS-Man request, in arrival order.</summary>
    public ConcurrentQueue<WsManRequest> Requests { get; } = new();

    public AmtHttpClientOptionsFactory Options => new(Address.ToString());

    private async Task AcceptAsync()
    {
        while (true)
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

            _connections.Add(HttpDeviceConnection.ServeAsync(new NetworkStream(socket, ownsSocket: true), this, HttpDeviceOptions.Default, _stop.Token));
        }
    }

    public async ValueTask<HttpDeviceReply> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var verdict = DigestVerifier.Verify(request.Head.Headers["Authorization"], request.Head.Method, request.Body.Span, Realm,
            user => user == User ? DigestHash.Ha1(user, Realm, Password) : null, _nonces, out _);
        if (verdict != DigestVerdict.Accepted)
        {
            return Replies.Unauthorized(new DigestChallenge(Realm, _nonces.Issue(), "auth", verdict == DigestVerdict.StaleNonce));
        }

        WsManRequest parsed;
        try
        {
            parsed = WsManRequestReader.Read(request.Body);
        }
        catch (AmtProtocolException violation)
        {
            return Replies.BadRequest(violation.Message);
        }

        Requests.Enqueue(parsed);
        if (Override?.Invoke(parsed) is { } custom)
        {
            return custom;
        }

        var reply = await Dispatcher.DispatchAsync(request.Body, cancellationToken);
        return reply.IsFault ? Replies.SoapFault(reply.Envelope) : Replies.Soap(reply.Envelope);
    }

    public HttpDeviceReply RejectMalformed(AmtProtocolException violation) => Replies.BadRequest(violation.Message);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }
}

/// <summary>Client options for a test device, with short timeouts.</summary>
public sealed record AmtHttpClientOptionsFactory(string Host)
{
    public Transport.Http.Client.AmtHttpClientOptions Create(string password = WsManTestDevice.Password) => new()
    {
        Host = Host,
        Port = 16992,
        Credentials = new AmtCredentials(WsManTestDevice.User, password),
        Timeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(1),
        Retry = Transport.Net.RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };
}
