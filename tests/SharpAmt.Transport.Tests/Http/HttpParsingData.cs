using Xunit;

namespace SharpAmt.Transport.Tests.Http;

/// <summary>
/// Valid, incomplete and invalid HTTP heads, shared by the parser and reader tests. The valid heads are the
/// ones real AMT consoles send and real firmware answers (reference section 2).
/// </summary>
public static class HttpParsingData
{
    public sealed record ValidRequest(string Name, string Text, string Method, string Target, string Version, (string Name, string Value)[] Headers)
    {
        public override string ToString() => Name;
    }

    public sealed record ValidResponse(string Name, string Text, string Version, int Status, string Reason, (string Name, string Value)[] Headers)
    {
        public override string ToString() => Name;
    }

    public static readonly ValidRequest[] Requests =
    [
        new(
            "MeshCentral server-side client",
            "POST /wsman HTTP/1.1\r\nHost: 192.168.1.20:16992\r\nContent-Length: 1234\r\n\r\n",
            "POST", "/wsman", "HTTP/1.1",
            [("Host", "192.168.1.20:16992"), ("Content-Length", "1234")]),
        new(
            "MeshCentral relay with lower-case names",
            "POST /wsman HTTP/1.1\r\nhost: node//Qx7mU2$kPzLrA@9b:16992\r\ncontent-length: 0\r\n" +
            "authorization: Digest username=\"admin\",realm=\"Digest:727734D63A1FC0423736E48DA554E462\",nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",uri=\"/wsman\",qop=auth,nc=1,cnonce=\"0a1b2c3d4e\",response=\"0123456789abcdef0123456789abcdef\"\r\n\r\n",
            "POST", "/wsman", "HTTP/1.1",
            [
                ("host", "node//Qx7mU2$kPzLrA@9b:16992"),
                ("content-length", "0"),
                ("authorization", "Digest username=\"admin\",realm=\"Digest:727734D63A1FC0423736E48DA554E462\",nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",uri=\"/wsman\",qop=auth,nc=1,cnonce=\"0a1b2c3d4e\",response=\"0123456789abcdef0123456789abcdef\""),
            ]),
        new(
            "Debian amttool over LWP, repeated Accept",
            "POST /RemoteControlService HTTP/1.1\r\nTE: deflate,gzip;q=0.3\r\nConnection: TE, close\r\nAccept: text/xml\r\nAccept: multipart/*\r\n" +
            "Accept: application/soap\r\nHost: 10.0.0.7:16992\r\nUser-Agent: SOAP::Lite/Perl/1.27\r\nContent-Length: 412\r\n" +
            "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"http://schemas.intel.com/platform/client/RemoteControl/2004/01#GetSystemPowerState\"\r\n\r\n",
            "POST", "/RemoteControlService", "HTTP/1.1",
            [
                ("TE", "deflate,gzip;q=0.3"),
                ("Connection", "TE, close"),
                ("Accept", "text/xml"),
                ("Accept", "multipart/*"),
                ("Accept", "application/soap"),
                ("Host", "10.0.0.7:16992"),
                ("User-Agent", "SOAP::Lite/Perl/1.27"),
                ("Content-Length", "412"),
                ("Content-Type", "text/xml; charset=utf-8"),
                ("SOAPAction", "\"http://schemas.intel.com/platform/client/RemoteControl/2004/01#GetSystemPowerState\""),
            ]),
        new(
            "MeshCentral presence check",
            "GET / HTTP/1.1\r\nhost: 10.0.0.5\r\n\r\n",
            "GET", "/", "HTTP/1.1",
            [("host", "10.0.0.5")]),
        new(
            "HTTP/1.0 with keep-alive",
            "POST /wsman HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\n",
            "POST", "/wsman", "HTTP/1.0",
            [("Connection", "keep-alive"), ("Content-Length", "3")]),
        new(
            "bare LF line ends, no space after colon, padded and empty values, colons in values",
            "GET /logon.htm HTTP/1.1\nHost:[::1]:16992\nX-Padded: \t spaced value \t \nX-Empty:\n\n",
            "GET", "/logon.htm", "HTTP/1.1",
            [("Host", "[::1]:16992"), ("X-Padded", "spaced value"), ("X-Empty", "")]),
        new(
            "no headers at all",
            "GET /index.htm HTTP/1.1\r\n\r\n",
            "GET", "/index.htm", "HTTP/1.1",
            []),
    ];

    public static readonly ValidResponse[] Responses =
    [
        new(
            "AMT 15 challenge",
            "HTTP/1.1 401 Unauthorized\r\n" +
            "WWW-Authenticate: Digest realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",stale=\"false\",qop=\"auth\"\r\n" +
            "Content-Type: text/html\r\nServer: Intel(R) Active Management Technology 15.0.23.1706\r\nContent-Length: 693\r\nConnection: close\r\n\r\n",
            "HTTP/1.1", 401, "Unauthorized",
            [
                ("WWW-Authenticate", "Digest realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",stale=\"false\",qop=\"auth\""),
                ("Content-Type", "text/html"),
                ("Server", "Intel(R) Active Management Technology 15.0.23.1706"),
                ("Content-Length", "693"),
                ("Connection", "close"),
            ]),
        new(
            "AMT 15 SOAP reply",
            "HTTP/1.1 200 OK\r\nDate: Mon, 31 Jan 2022 10:23:04 GMT\r\nServer: Intel(R) Active Management Technology 15.0.23.1706\r\n" +
            "X-Frame-Options: DENY\r\nContent-Type: application/soap+xml; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.1", 200, "OK",
            [
                ("Date", "Mon, 31 Jan 2022 10:23:04 GMT"),
                ("Server", "Intel(R) Active Management Technology 15.0.23.1706"),
                ("X-Frame-Options", "DENY"),
                ("Content-Type", "application/soap+xml; charset=UTF-8"),
                ("Transfer-Encoding", "chunked"),
            ]),
        new(
            "web UI redirect",
            "HTTP/1.1 303 See Other\r\nLocation: /logon.htm\r\nContent-Length: 0\r\nServer: Intel(R) Active Management Technology 7.1.91\r\n\r\n",
            "HTTP/1.1", 303, "See Other",
            [("Location", "/logon.htm"), ("Content-Length", "0"), ("Server", "Intel(R) Active Management Technology 7.1.91")]),
        new(
            "HTTP/1.0 status without a reason phrase",
            "HTTP/1.0 200\r\nContent-Length: 2\r\n\r\n",
            "HTTP/1.0", 200, "",
            [("Content-Length", "2")]),
        new(
            "reason phrase with spaces",
            "HTTP/1.1 400 Bad Request For Sure\r\nConnection: close\r\n\r\n",
            "HTTP/1.1", 400, "Bad Request For Sure",
            [("Connection", "close")]),
    ];

    public static readonly (string Text, ProtocolViolation Violation)[] InvalidRequests =
    [
        ("GET /wsman\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("GET  /wsman HTTP/1.1\r\n\r\n", ProtocolViolation.MalformedStartLine),
        (" GET /wsman HTTP/1.1\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("GET /wsman HTTP/1.1 \r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("GET\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("GET /wsman HTTP/2.0\r\n\r\n", ProtocolViolation.UnsupportedHttpVersion),
        ("GET /wsman http/1.1\r\n\r\n", ProtocolViolation.UnsupportedHttpVersion),
        ("GET /wsman RTSP/1.0\r\n\r\n", ProtocolViolation.UnsupportedHttpVersion),
        ("POST /wsman HTTP/1.1\r\nHost : 10.0.0.5\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\n Host: 10.0.0.5\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\n\tHost: 10.0.0.5\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\nHost: 10.0.0.5\r\n folded: continuation\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\n: no name\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\nNoColonAtAll\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("POST /wsman HTTP/1.1\r\nContent Length: 5\r\n\r\n", ProtocolViolation.MalformedHeader),
    ];

    public static readonly (string Text, ProtocolViolation Violation)[] InvalidResponses =
    [
        ("HTTP/1.1 20 OK\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/1.1 2000 OK\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/1.1 abc OK\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/1.1 +20 OK\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/1.1 \r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/1.1\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("<HTML><HEAD><TITLE>400</TITLE></HEAD></HTML>\r\n\r\n", ProtocolViolation.MalformedStartLine),
        ("HTTP/2 200 OK\r\n\r\n", ProtocolViolation.UnsupportedHttpVersion),
        ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n\r\n", ProtocolViolation.UnsupportedHttpVersion),
        ("HTTP/1.1 200 OK\r\nServer Intel(R) Active Management Technology 15.0.23\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n", ProtocolViolation.MalformedHeader),
        ("HTTP/1.1 200 OK\r\nServer: x\r\n  continued\r\n\r\n", ProtocolViolation.MalformedHeader),
    ];

    public static TheoryData<ValidRequest> ValidRequests() => new(Requests);

    public static TheoryData<ValidResponse> ValidResponses() => new(Responses);

    public static TheoryData<string, ProtocolViolation> InvalidRequestData()
    {
        var data = new TheoryData<string, ProtocolViolation>();
        foreach (var (text, violation) in InvalidRequests)
        {
            data.Add(text, violation);
        }

        return data;
    }

    public static TheoryData<string, ProtocolViolation> InvalidResponseData()
    {
        var data = new TheoryData<string, ProtocolViolation>();
        foreach (var (text, violation) in InvalidResponses)
        {
            data.Add(text, violation);
        }

        return data;
    }
}
