using System.Text.RegularExpressions;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport.Digest;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>What real clients depend on at the HTTP level (reference sections 2.1, 2.2 and 7.2).</summary>
public sealed partial class HttpBehaviourTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Theory]
    [InlineData("8.1.71", "8.1.71", 689)]
    [InlineData("12.0.67", "12.0.67.1579", 690)]
    public async Task An_unauthenticated_request_gets_amts_challenge_and_the_connection_closes(string firmware, string serverVersion, int pageLength)
    {
        await using var device = await StartAsync(firmware);
        var cancellation = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(device.Address, device.Options.HttpPort, cancellation);
        await raw.SendAsync("POST /wsman HTTP/1.1\r\nHost: x:16992\r\nContent-Length: 0\r\n\r\n", cancellation);
        var (text, closed) = await raw.ReceiveAsync(Quiet, cancellation);

        Assert.True(closed, "the device must close the connection after a 401");
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        Assert.Equal("HTTP/1.1 401 Unauthorized", head[0]);
        Assert.Equal(["WWW-Authenticate", "Content-Type", "Server", "Content-Length", "Connection"], head[1..].Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal("Server: Intel(R) Active Management Technology " + serverVersion, head[3]);
        Assert.Equal($"Content-Length: {pageLength}", head[4]);
        Assert.Equal(pageLength, text.Length - text.IndexOf("\r\n\r\n", StringComparison.Ordinal) - 4);
        var challenge = Challenge().Match(head[1]);
        Assert.True(challenge.Success, head[1]);
        Assert.Equal(device.Identity.Realm, challenge.Groups["realm"].Value);
        Assert.Matches("^Digest:[0-9A-F]{32}$", challenge.Groups["realm"].Value);
        Assert.Equal(32, challenge.Groups["nonce"].Value.Length);
        Assert.DoesNotContain("=", challenge.Groups["nonce"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_only_firmware_challenges_over_tls_offering_auth_int_first()
    {
        await using var device = await StartAsync("16.1.25");
        var cancellation = TestContext.Current.CancellationToken;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(device.Address, device.Options.TlsPort, cancellation);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = device.Address.ToString() }, cancellation);

        await tls.WriteAsync("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), cancellation);
        var reader = new StreamReader(tls);
        var text = await reader.ReadToEndAsync(cancellation);

        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"WWW-Authenticate: Digest realm=\"{device.Identity.Realm}\", nonce=\"", text, StringComparison.Ordinal);
        Assert.Contains("\",stale=\"false\",qop=\"auth-int, auth\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Server: Intel(R) Active Management Technology 16.1.25.2124\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 693\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_slash_redirects_to_the_logon_page_with_the_server_header_in_the_first_chunk()
    {
        await using var device = await StartAsync("11.8.50");
        var cancellation = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(device.Address, device.Options.HttpPort, cancellation);

        await raw.SendAsync($"GET / HTTP/1.1\r\nhost: {device.Address}\r\n\r\n", cancellation);
        var first = await raw.ReceiveFirstChunkAsync(cancellation);

        Assert.Equal(
            "HTTP/1.1 303 See Other\r\nLocation: /logon.htm\r\nContent-Length: 0\r\nServer: Intel(R) Active Management Technology 11.8.50.3425\r\n\r\n",
            first);
    }

    [Fact]
    public async Task An_authenticated_reply_is_chunked_keeps_the_connection_and_carries_amts_headers_in_order()
    {
        await using var device = await StartAsync("12.0.67");
        var cancellation = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(device.Address, device.Options.HttpPort, cancellation);
        var realm = device.Identity.Realm;
        var nonce = device.Nonces.Issue();
        const string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><a:To>/wsman</a:To><w:ResourceURI>http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings</w:ResourceURI><a:MessageID>7</a:MessageID></Header><Body /></Envelope>";

        for (var nc = 1; nc <= 2; nc++)
        {
            // MeshCentral's relay: lower-case header names, decimal unpadded nc, a 10-digit cnonce.
            var count = nc.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = DigestHash.Response(DigestHash.Ha1("admin", realm, device.Options.Password), nonce, "auth", count, "0123456789", DigestHash.Ha2("POST", "/wsman", "auth", []));
            await raw.SendAsync(
                $"POST /wsman HTTP/1.1\r\nhost: node//abc:16992\r\ncontent-length: {body.Length}\r\n" +
                $"authorization: Digest username=\"admin\",realm=\"{realm}\",nonce=\"{nonce}\",uri=\"/wsman\",qop=auth,nc={count},cnonce=\"0123456789\",response=\"{response}\"\r\n\r\n{body}",
                cancellation);
            var (text, closed) = await raw.ReceiveAsync(Quiet, cancellation);

            Assert.False(closed, "an authenticated connection stays open");
            var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
            Assert.Equal("HTTP/1.1 200 OK", head[0]);
            Assert.Equal(["Date", "Server", "X-Frame-Options", "Content-Type", "Transfer-Encoding"], head[1..].Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));
            Assert.Equal("Content-Type: application/soap+xml; charset=UTF-8", head[4]);
            Assert.DoesNotContain("Connection:", text, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("\r\n\r\n[0-9A-F]{4}\r\n<\\?xml", text);
            Assert.EndsWith("\r\n0\r\n\r\n", text, StringComparison.Ordinal);
            Assert.Contains("<b:RelatesTo>7</b:RelatesTo>", text, StringComparison.Ordinal);
            Assert.DoesNotMatch("<[A-Za-z:]+/>", text);
        }
    }

    [Fact]
    public async Task An_unknown_class_is_a_400_fault_with_the_server_header_and_the_connection_closes()
    {
        await using var device = await StartAsync("12.0.67");
        var cancellation = TestContext.Current.CancellationToken;
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellation);
        var opened = client.Http.ConnectionsOpened;

        var fault = await Assert.ThrowsAsync<WsMan.WsManFaultException>(() => client.GetAsync("AMT_NoSuchClass", cancellationToken: cancellation));

        Assert.Equal(400, fault.HttpStatus);
        Assert.Equal("No route can be determined to reach the destination role defined by the WSAddressing To.", fault.Fault.Reason);
        Assert.Equal("Intel(R) Active Management Technology 12.0.67.1579", client.Http.ServerHeader);
        await client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellation);
        Assert.Equal(opened + 1, client.Http.ConnectionsOpened);
    }

    private static async Task<SimulatedDevice> StartAsync(string firmware)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = TestAddresses.Next(),
            Firmware = FirmwareProfiles.Find(firmware)!,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync();
        return device;
    }

    [GeneratedRegex("^WWW-Authenticate: Digest realm=\"(?<realm>[^\"]+)\", nonce=\"(?<nonce>[^\"]+)\",stale=\"false\",qop=\"auth\"$")]
    private static partial Regex Challenge();
}
