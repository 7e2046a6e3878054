using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Eoi.Wire;
using SharpAmt.Simulator.Host;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Eoi.Tests.Http;

/// <summary>How the simulated ME's web server carries EOI: paths per generation, digest first, SOAP 1.1 replies, connections closed on request.</summary>
public sealed class EoiHttpTests
{
    private static readonly string ResetPxe = EoiRequestWriter.WriteText(RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe)));

    [Theory]
    [InlineData("2.6")]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task An_unauthenticated_remote_control_gets_the_challenge_and_does_nothing(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);

        var (text, closed) = await RawExchange.SendAsync(device.Address, 16992,
            RawExchange.Post(device, "/RemoteControlService", EoiOperations.RemoteControl.SoapAction, ResetPxe, authenticate: false), cancellation);

        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"" + device.Identity.Realm + "\", nonce=\"", text, StringComparison.Ordinal);
        Assert.Contains("\",stale=\"false\",qop=\"auth\"\r\n", text, StringComparison.Ordinal);
        Assert.True(closed);
        Assert.Empty(device.Host.BootHistory);
        Assert.Null(device.Host.Boot.Source);
    }

    [Fact]
    public async Task An_authenticated_call_is_answered_in_text_xml_chunked_and_the_connection_closes_as_asked()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", cancellationToken: cancellation);

        var (text, closed) = await RawExchange.SendAsync(device.Address, 16992,
            RawExchange.Post(device, "/RemoteControlService", EoiOperations.RemoteControl.SoapAction, ResetPxe, authenticate: true), cancellation);

        var head = RawExchange.Head(text).Split("\r\n");
        Assert.Equal("HTTP/1.1 200 OK", head[0]);
        Assert.Equal(["Date", "Server", "X-Frame-Options", "Content-Type", "Transfer-Encoding"], head[1..].Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal("Content-Type: text/xml; charset=UTF-8", head[4]);
        Assert.Equal("Server: Intel(R) Active Management Technology 5.2.70", head[2]);
        Assert.Contains("<b:RemoteControlResponse><b:Status>0</b:Status></b:RemoteControlResponse>", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n0\r\n\r\n", text, StringComparison.Ordinal);
        Assert.True(closed, "Connection: close must be honoured");
        Assert.Equal(BootDevice.Pxe, Assert.Single(device.Host.BootHistory).Device);
    }

    [Fact]
    public async Task A_keep_alive_client_keeps_its_connection()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        var body = EoiRequestWriter.WriteText(RemoteControlMessages.GetSystemPowerState());

        var (text, closed) = await RawExchange.SendAsync(device.Address, 16992,
            RawExchange.Post(device, "/RemoteControlService", EoiOperations.GetSystemPowerState.SoapAction, body, authenticate: true, connection: "keep-alive"), cancellation);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text, StringComparison.Ordinal);
        Assert.False(closed);
    }

    [Fact]
    public async Task An_unknown_operation_is_a_soap_fault_with_http_500_and_the_connection_closes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        const string body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Format xmlns=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"/></s:Body></s:Envelope>";

        var (text, closed) = await RawExchange.SendAsync(device.Address, 16992,
            RawExchange.Post(device, "/RemoteControlService", "\"x\"", body, authenticate: true, connection: "keep-alive"), cancellation);

        Assert.StartsWith("HTTP/1.1 500 Internal Server Error\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/xml; charset=UTF-8\r\n", text, StringComparison.Ordinal);
        Assert.Contains("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>XML of an unexpected shape: RemoteControl has no operation 'Format'</faultstring>", text, StringComparison.Ordinal);
        Assert.True(closed);
    }

    [Theory]
    [InlineData("2.6", "/wsman", 404)]
    [InlineData("3.2", "/wsman", 401)]
    [InlineData("5.2", "/wsman", 401)]
    [InlineData("8.1", "/wsman", 401)]
    [InlineData("8.1", "/SecurityAdministrationService", 401)]
    [InlineData("11.8", "/SecurityAdministrationService", 404)]
    [InlineData("12.0", "/RemoteControlService", 404)]
    [InlineData("2.6", "/remotecontrolservice", 404)]
    [InlineData("2.6", "/GeneralInfoService", 404)]
    public async Task Each_generation_serves_its_apis_at_their_paths_only(string firmware, string path, int status)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);

        var (text, _) = await RawExchange.SendAsync(device.Address, 16992, RawExchange.Post(device, path, "\"x\"", "<x/>", authenticate: false), cancellation);

        Assert.StartsWith($"HTTP/1.1 {status} ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_without_eoi_is_reported_as_such_to_the_client()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("12.0", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        var missing = await Assert.ThrowsAsync<EoiNotServedException>(() => client.GetCoreVersionAsync(cancellation));

        Assert.Equal("/SecurityAdministrationService", missing.Path);
        Assert.Equal($"{client.Http.Endpoint}: the device does not serve EOI at /SecurityAdministrationService (HTTP 404); AMT 9 and later speak WS-Management only", missing.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure_and_nothing_runs()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", CimPowerState.Off, cancellation);
        await using var client = new EoiClient(TestDevices.Options(device, password: "Wr0ng!pass"));

        await Assert.ThrowsAsync<AmtAuthenticationException>(() => client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerUp), cancellation));

        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }

    [Fact]
    public async Task A_get_on_a_service_path_is_refused()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", cancellationToken: cancellation);

        var (text, _) = await RawExchange.SendAsync(device.Address, 16992, $"GET /RemoteControlService HTTP/1.1\r\nHost: {device.Address}\r\n\r\n", cancellation);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", text, StringComparison.Ordinal);
    }
}
