using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SharpAmt.Simulator;
using SharpAmt.Transport.Digest;

namespace SharpAmt.Eoi.Tests.Support;

/// <summary>One request over a fresh TCP connection and everything that comes back, for checking bytes on the wire.</summary>
internal static class RawExchange
{
    public static async Task<(string Text, bool Closed)> SendAsync(IPAddress address, int port, string request, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), SocketFlags.None, cancellationToken);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(TimeSpan.FromMilliseconds(600));
            int count;
            try
            {
                count = await socket.ReceiveAsync(buffer, SocketFlags.None, quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (Encoding.UTF8.GetString(received.ToArray()), false);
            }

            if (count == 0)
            {
                return (Encoding.UTF8.GetString(received.ToArray()), true);
            }

            received.Write(buffer, 0, count);
        }
    }

    /// <summary>A POST as amttool sends it (its header set and order), with a digest Authorization when asked.</summary>
    public static string Post(SimulatedDevice device, string path, string soapAction, string body, bool authenticate, string connection = "TE, close")
    {
        var length = Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture);
        var authorization = authenticate ? $"Authorization: {Authorization(device, path)}\r\n" : "";
        return $"POST {path} HTTP/1.1\r\nTE: deflate,gzip;q=0.3\r\nConnection: {connection}\r\nAccept: text/xml\r\nAccept: multipart/*\r\nAccept: application/soap\r\n" +
               authorization +
               $"Host: {device.Address}:16992\r\nUser-Agent: SOAP::Lite/Perl/1.27\r\nContent-Length: {length}\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: {soapAction}\r\n\r\n{body}";
    }

    /// <summary>Digest in amttool's rendering: qop and nc bare, algorithm quoted, an 8-digit cnonce.</summary>
    private static string Authorization(SimulatedDevice device, string path)
    {
        var realm = device.Identity.Realm;
        var nonce = device.Nonces.Issue();
        const string cnonce = "6b022eac";
        var response = DigestHash.Response(DigestHash.Ha1(device.Options.User, realm, device.Options.Password), nonce, "auth", "00000001", cnonce, DigestHash.Ha2("POST", path, "auth", []));
        return $"Digest username=\"{device.Options.User}\", realm=\"{realm}\", qop=auth, algorithm=\"MD5\", uri=\"{path}\", nonce=\"{nonce}\", nc=00000001, cnonce=\"{cnonce}\", response=\"{response}\"";
    }

    public static string Head(string text) => text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
}
