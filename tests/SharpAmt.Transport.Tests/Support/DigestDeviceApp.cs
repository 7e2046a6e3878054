using System.Collections.Concurrent;
using System.Text;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;

namespace SharpAmt.Transport.Tests.Support;

/// <summary>
/// A device's HTTP application as the simulator builds it: digest with <see cref="DigestVerifier"/>, AMT's
/// 401 (then close), and a SOAP-style 200 that echoes the request number. One instance is shared by all
/// connections; <see cref="ForConnection"/> tags what each connection saw.
/// </summary>
public sealed class DigestDeviceApp
{
    public const string User = "admin";
    public const string Password = "P@ssw0rd!";

    private int _requests;

    public string Realm { get; set; } = "Digest:727734D63A1FC0423736E48DA554E462";

    public string? Qop { get; set; } = "auth";

    public DigestNonceStore Nonces { get; } = new();

    public AmtHttpReplies Replies { get; } = new("15.0.23.1706");

    /// <summary>What the device does with a verdict; by default it acts on it. Tests force rejections here.</summary>
    public Func<int, DigestVerdict, DigestVerdict> Decide { get; set; } = (_, verdict) => verdict;

    /// <summary>Each request in arrival order: connection, Authorization header, the verdict acted on, the challenge sent back.</summary>
    public ConcurrentQueue<Exchange> Log { get; } = new();

    public sealed record Exchange(int Number, int Connection, string? Authorization, DigestVerdict Verdict, DigestChallenge? Challenge, string[] HeaderNames)
    {
        public DigestAuthorization? Parsed => Authorization is null ? null : DigestAuthorization.TryParse(Authorization);
    }

    public IHttpDeviceApplication ForConnection(int connection) => new Connection(this, connection);

    /// <summary>A fake-device script that serves each connection with the real device loop.</summary>
    public Func<FakeConnection, CancellationToken, Task> Script(HttpDeviceOptions? options = null) =>
        (connection, cancellationToken) => HttpDeviceConnection.ServeAsync(connection.Stream, ForConnection(connection.Index), options ?? HttpDeviceOptions.Default, cancellationToken);

    private HttpDeviceReply Handle(int connection, HttpRequest request)
    {
        var number = Interlocked.Increment(ref _requests);
        var header = request.Head.Headers["Authorization"];
        var actual = DigestVerifier.Verify(header, request.Head.Method, request.Body.Span, Realm,
            user => user == User ? DigestHash.Ha1(user, Realm, Password) : null, Nonces, out _);
        var verdict = Decide(number, actual);
        if (verdict == DigestVerdict.Accepted)
        {
            Log.Enqueue(new Exchange(number, connection, header, verdict, null, Names(request)));
            var body = Encoding.UTF8.GetBytes($"<reply number=\"{number}\" />");
            return Replies.Soap(body);
        }

        var challenge = new DigestChallenge(Realm, Nonces.Issue(), Qop, verdict == DigestVerdict.StaleNonce);
        Log.Enqueue(new Exchange(number, connection, header, verdict, challenge, Names(request)));
        return Replies.Unauthorized(challenge);
    }

    private static string[] Names(HttpRequest request) => request.Head.Headers.Select(header => header.Key).ToArray();

    private sealed class Connection(DigestDeviceApp app, int index) : IHttpDeviceApplication
    {
        public ValueTask<HttpDeviceReply> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(app.Handle(index, request));

        public HttpDeviceReply RejectMalformed(AmtProtocolException violation) => app.Replies.BadRequest(violation.Message);
    }
}
