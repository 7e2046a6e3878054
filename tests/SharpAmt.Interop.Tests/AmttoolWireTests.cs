using System.Net;
using System.Text;
using SharpAmt.Eoi;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using SharpAmt.Interop.Tests.Support;
using Xunit;

namespace SharpAmt.Interop.Tests;

/// <summary>
/// What amttool puts on the wire, recorded in front of a simulated device: the SharpAMT client writes the same
/// bodies for the same calls, and the device copes with amttool's HTTP (a new connection per request, the first
/// request to each path without credentials, then the challenge reused with a rising nc).
/// </summary>
public sealed class AmttoolWireTests
{
    [Fact]
    public async Task Amttools_requests_are_what_the_client_writes_and_its_digest_is_accepted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync("8.1", cancellationToken: cancellation);
        await using var proxy = RecordingProxy.Start(InteropAddresses.Next(), new IPEndPoint(device.Address, device.Options.HttpPort));
        var host = proxy.Address.ToString();

        var info = await Amttool.RunAsync(device.Options.Password, [host, "info"], null, cancellation);
        var netinfo = await Amttool.RunAsync(device.Options.Password, [host, "netinfo"], null, cancellation);
        var reset = await Amttool.RunAsync(device.Options.Password, [host, "reset", "bios"], "y\n", cancellation);

        Assert.All([info, netinfo, reset], result => Assert.Equal("", result.Errors));
        var requests = proxy.Requests();
        var authenticated = requests.Where(request => request.Header("Authorization") is not null).ToArray();
        Assert.Equal(
            new[]
            {
                SecurityAdministrationMessages.GetCoreVersion(), NetworkAdministrationMessages.GetHostName(), NetworkAdministrationMessages.GetDomainName(),
                RemoteControlMessages.GetSystemPowerState(), RemoteControlMessages.GetRemoteControlCapabilities(),
                SecurityAdministrationMessages.GetCoreVersion(), NetworkAdministrationMessages.EnumerateInterfaces(), NetworkAdministrationMessages.GetInterfaceSettings(0),
                SecurityAdministrationMessages.GetCoreVersion(), NetworkAdministrationMessages.GetHostName(), NetworkAdministrationMessages.GetDomainName(),
                RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset, EoiSpecialCommand.IntelOem, EoiOemParameters.UseSol)),
            }.Select(EoiRequestWriter.WriteText),
            authenticated.Select(request => request.Body));
        Assert.All(requests, request =>
        {
            var operation = EoiRequestReader.Read(Encoding.UTF8.GetBytes(request.Body)).Operation;
            Assert.Equal($"POST {operation.Service.Path} HTTP/1.1", request.RequestLine);
            Assert.Equal(operation.SoapAction, request.Header("SOAPAction"));
            Assert.Equal("text/xml; charset=utf-8", request.Header("Content-Type"));
            Assert.Equal("TE, close", request.Header("Connection"));
        });
    }

    [Fact]
    public async Task Each_path_starts_without_credentials_then_reuses_its_challenge_with_a_rising_count()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync("5.2", cancellationToken: cancellation);
        await using var proxy = RecordingProxy.Start(InteropAddresses.Next(), new IPEndPoint(device.Address, device.Options.HttpPort));

        var info = await Amttool.RunAsync(device.Options.Password, [proxy.Address.ToString(), "info"], null, cancellation);

        Assert.Equal(0, info.ExitCode);
        foreach (var path in proxy.Requests().GroupBy(request => request.Path))
        {
            var sequence = path.ToArray();
            Assert.Null(sequence[0].Header("Authorization"));
            var digests = sequence.Skip(1).Select(request => Parameters(request.Header("Authorization")!)).ToArray();
            Assert.NotEmpty(digests);
            Assert.Single(digests.Select(digest => digest["nonce"]).Distinct());
            Assert.Equal(Enumerable.Range(1, digests.Length).Select(n => n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)), digests.Select(digest => digest["nc"]));
            Assert.All(digests, digest => Assert.Equal(("auth", path.Key, device.Identity.Realm), (digest["qop"], digest["uri"], digest["realm"])));
        }

        Assert.Equal(["/SecurityAdministrationService", "/NetworkAdministrationService", "/RemoteControlService"], proxy.Requests().Select(request => request.Path).Distinct());
    }

    private static Dictionary<string, string> Parameters(string authorization) =>
        authorization["Digest ".Length..].Split(", ")
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
}
