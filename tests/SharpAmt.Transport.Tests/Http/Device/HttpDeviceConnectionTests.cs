using System.Net.Sockets;
using System.Text;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;
using SharpAmt.Transport.Tests.Support;
using Xunit;

namespace SharpAmt.Transport.Tests.Http.Device;

public sealed class HttpDeviceConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers each request with its target; a target of /close asks to close after the reply.</summary>
    private sealed class EchoApplication : IHttpDeviceApplication
    {
        private readonly AmtHttpReplies _replies = new("12.0.67");

        public List<string> Seen { get; } = [];

        public ValueTask<HttpDeviceReply> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            Seen.Add(request.Head.Target);
            var reply = _replies.Soap(Encoding.UTF8.GetBytes("target " + request.Head.Target + " body " + Encoding.UTF8.GetString(request.Body.Span)));
            return ValueTask.FromResult(request.Head.Target == "/close" ? reply with { CloseConnection = true } : reply);
        }

        public HttpDeviceReply RejectMalformed(AmtProtocolException violation) => _replies.BadRequest(violation.Violation.ToString());
    }

    /// <summary>Serves one connection over a real socket pair; returns what the client side received until the device closed.</summary>
    private static async Task<(string Received, EchoApplication Application)> ServeAsync(string clientBytes, bool clientCloses = true)
    {
        using var listener = new TcpListener(Loopback.Next(), 16992);
        listener.Start();
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((System.Net.IPEndPoint)listener.LocalEndpoint, Ct);
        var accepted = await listener.AcceptSocketAsync(Ct);
        var application = new EchoApplication();
        var serving = HttpDeviceConnection.ServeAsync(new NetworkStream(accepted, ownsSocket: true), application, HttpDeviceOptions.Default, Ct);

        await client.SendAsync(Encoding.Latin1.GetBytes(clientBytes), Ct);
        if (clientCloses)
        {
            client.Shutdown(SocketShutdown.Send);
        }

        var received = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await client.ReceiveAsync(buffer, Ct)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        await serving;
        return (Encoding.Latin1.GetString(received.ToArray()), application);
    }

    private static string[] StatusLines(string received) =>
        received.Split("\r\n").Where(line => line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Pipelined_requests_in_one_write_are_answered_in_order()
    {
        var (received, application) = await ServeAsync(
            "POST /one HTTP/1.1\r\nContent-Length: 1\r\n\r\n1" +
            "POST /two HTTP/1.1\r\ncontent-length: 1\r\n\r\n2" +
            "GET /three HTTP/1.1\r\n\r\n");

        Assert.Equal(["/one", "/two", "/three"], application.Seen);
        Assert.Equal(3, StatusLines(received).Length);
        var first = received.IndexOf("target /one body 1", StringComparison.Ordinal);
        var second = received.IndexOf("target /two body 2", StringComparison.Ordinal);
        var third = received.IndexOf("target /three body ", StringComparison.Ordinal);
        Assert.True(first > 0 && first < second && second < third, received);
    }

    [Fact]
    public async Task Reply_that_asks_to_close_ends_the_connection()
    {
        var (received, application) = await ServeAsync(
            "POST /close HTTP/1.1\r\nContent-Length: 0\r\n\r\nPOST /never HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            clientCloses: false);

        Assert.Equal(["/close"], application.Seen);
        Assert.Single(StatusLines(received));
    }

    [Fact]
    public async Task Client_that_asks_to_close_gets_its_reply_and_the_close()
    {
        var (received, application) = await ServeAsync(
            "POST /first HTTP/1.1\r\nConnection: TE, close\r\nContent-Length: 0\r\n\r\nPOST /never HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            clientCloses: false);

        Assert.Equal(["/first"], application.Seen);
        Assert.Single(StatusLines(received));
    }

    [Fact]
    public async Task Malformed_request_gets_the_rejection_and_the_close()
    {
        var (received, application) = await ServeAsync("POST /wsman HTTP/1.1\r\nBad Header: x\r\n\r\n", clientCloses: false);

        Assert.Empty(application.Seen);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", received, StringComparison.Ordinal);
        Assert.Contains("Bad Request. MalformedHeader", received, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST /wsman HTTP/1.1\r\nHost: 10.0")]
    [InlineData("POST /wsman HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")]
    [InlineData("GET /one HTTP/1.1\r\n\r\n\r\n")]
    [InlineData("")]
    public async Task Client_that_goes_away_ends_the_connection_quietly(string partial)
    {
        var (received, application) = await ServeAsync(partial);

        Assert.Equal(partial.StartsWith("GET", StringComparison.Ordinal) ? 1 : 0, StatusLines(received).Length);
        Assert.Equal(partial.StartsWith("GET", StringComparison.Ordinal) ? ["/one"] : [], application.Seen);
    }
}
