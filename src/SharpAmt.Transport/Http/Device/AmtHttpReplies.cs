using System.Globalization;
using System.Text;
using SharpAmt.Transport.Digest;

namespace SharpAmt.Transport.Http.Device;

/// <summary>
/// The replies of AMT's built-in web server, with the header sets and order real firmware writes. Every
/// reply carries <c>Server: Intel(R) Active Management Technology &lt;version&gt;</c>.
/// </summary>
public sealed class AmtHttpReplies
{
    public const string ServerPrefix = "Intel(R) Active Management Technology ";

    private readonly byte[] _unauthorizedPage;

    public AmtHttpReplies(string firmwareVersion)
    {
        Server = ServerPrefix + firmwareVersion;
        _unauthorizedPage = Encoding.ASCII.GetBytes(UnauthorizedPage(MajorVersion(firmwareVersion)));
    }

    /// <summary>The full Server header value.</summary>
    public string Server { get; }

    /// <summary>Largest chunk of a chunked body; real AMT 15 wrote chunks of a few hundred bytes.</summary>
    public int ChunkSize { get; init; } = 0x0400;

    public HttpDeviceReply Unauthorized(DigestChallenge challenge)
    {
        var body = _unauthorizedPage;
        var headers = new HttpHeaders()
            .Add("WWW-Authenticate", challenge.ToHeaderValue())
            .Add("Content-Type", "text/html")
            .Add("Server", Server)
            .Add("Content-Length", Length(body))
            .Add("Connection", "close");
        return new HttpDeviceReply(401, "Unauthorized", headers, body) { CloseConnection = true };
    }

    /// <summary>A 200 SOAP reply, chunked, with the connection kept open.</summary>
    public HttpDeviceReply Soap(ReadOnlyMemory<byte> envelope, string contentType = "application/soap+xml; charset=UTF-8") =>
        new(200, "OK", SoapHeaders(contentType), envelope) { ChunkSize = ChunkSize };

    /// <summary>A SOAP fault: 400, chunked, <c>Connection: close</c>, as AMT 15 sends it.</summary>
    public HttpDeviceReply SoapFault(ReadOnlyMemory<byte> envelope, string contentType = "application/soap+xml; charset=UTF-8") =>
        new(400, "Bad Request", SoapHeaders(contentType).Add("Connection", "close"), envelope) { CloseConnection = true, ChunkSize = ChunkSize };

    public HttpDeviceReply BadRequest(string detail)
    {
        var body = Encoding.ASCII.GetBytes($"<HTML><HEAD><TITLE>400 Bad Request</TITLE></HEAD><BODY>Bad Request. {Escape(detail)}</BODY></HTML>\n");
        return Html(400, "Bad Request", body);
    }

    public HttpDeviceReply NotFound()
    {
        var body = Encoding.ASCII.GetBytes("<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD><BODY>Not Found</BODY></HTML>\n");
        return Html(404, "Not Found", body);
    }

    /// <summary>The web UI's entry redirect, which presence checks read the Server header from.</summary>
    public HttpDeviceReply SeeOther(string location)
    {
        var headers = new HttpHeaders()
            .Add("Location", location)
            .Add("Content-Length", "0")
            .Add("Server", Server);
        return new HttpDeviceReply(303, "See Other", headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// The logon-failed page, byte for byte as firmware serves it: AMT 8 links the style sheet without the
    /// leading slash, AMT 15 and later align the logo cell to the middle (689, 690 and 693 bytes).
    /// </summary>
    private static string UnauthorizedPage(int major) =>
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" >\n" +
        $"<html><head><link rel=stylesheet href={(major <= 8 ? "" : "/")}styles.css>\n" +
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n" +
        "<title>Intel&reg; Active Management Technology</title></head>\n" +
        "<body>\n" +
        "<table class=header>\n" +
        "<tr><td valign=top nowrap>\n" +
        "<p class=top1>Intel<font class=r><sup>&reg;</sup></font> Active Management Technology\n" +
        $"<td valign=\"{(major >= 15 ? "middle" : "top")}\"><img src=\"logo.gif\" align=\"right\" alt=\"Intel\">\n" +
        "</table>\n" +
        "<br />\n" +
        "<h2 class=warn>Log on failed. Incorrect user name or password, or user account temporarily locked.</h2>\n" +
        "\n" +
        "<p>\n" +
        "<form METHOD=\"GET\" action=\"index.htm\"><h2><input type=submit value=\"Try again\">\n" +
        "</h2></form>\n" +
        "<p>\n" +
        "\n" +
        "</body>\n" +
        "</html>\n";

    private static int MajorVersion(string version) =>
        int.TryParse(version.AsSpan(0, Math.Max(0, version.IndexOf('.') < 0 ? version.Length : version.IndexOf('.'))), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0;

    private HttpHeaders SoapHeaders(string contentType) => new HttpHeaders()
        .Add("Date", DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture))
        .Add("Server", Server)
        .Add("X-Frame-Options", "DENY")
        .Add("Content-Type", contentType)
        .Add("Transfer-Encoding", "chunked");

    private HttpDeviceReply Html(int status, string reason, byte[] body)
    {
        var headers = new HttpHeaders()
            .Add("Content-Type", "text/html")
            .Add("Server", Server)
            .Add("Content-Length", Length(body))
            .Add("Connection", "close");
        return new HttpDeviceReply(status, reason, headers, body) { CloseConnection = true };
    }

    private static string Length(byte[] body) => body.Length.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
