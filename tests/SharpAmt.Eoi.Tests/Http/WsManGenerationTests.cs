using SharpAmt.Eoi.Tests.Support;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Client;
using Xunit;

namespace SharpAmt.Eoi.Tests.Http;

/// <summary>AMT 3.2 and 5.2 serve WS-Man beside EOI, each class from the generation the catalogue gives it; AMT 8 serves both.</summary>
public sealed class WsManGenerationTests
{
    [Theory]
    [InlineData("3.2", "AMT_GeneralSettings", true)]
    [InlineData("3.2", "CIM_ComputerSystemPackage", true)]
    [InlineData("3.2", "AMT_AuditLog", false)]
    [InlineData("5.2", "AMT_AuditLog", true)]
    [InlineData("5.2", "CIM_KVMRedirectionSAP", false)]
    [InlineData("5.2", "IPS_OptInService", false)]
    [InlineData("8.1", "IPS_ScreenSettingData", true)]
    public async Task Older_generations_answer_the_classes_the_catalogue_gives_them(string firmware, string className, bool present)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = new WsManClient(TestDevices.Options(device));

        if (present)
        {
            Assert.Equal(className, (await client.GetAsync(className, cancellationToken: cancellation)).Name);
            return;
        }

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => client.GetAsync(className, cancellationToken: cancellation));
        Assert.Equal("DestinationUnreachable", fault.Fault.Subcode);
    }

    [Theory]
    [InlineData("3.2")]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task Both_apis_see_one_state(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var wsman = new WsManClient(TestDevices.Options(device));
        await using var eoi = TestDevices.Client(device);

        await eoi.SetHostNameAsync("both-apis", cancellation);
        var settings = await wsman.GetAsync("AMT_GeneralSettings", cancellationToken: cancellation);
        await eoi.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerDown), cancellation);
        var power = await wsman.EnumerateObjectsAsync("CIM_ServiceAvailableToElement", cancellation);

        Assert.Equal("both-apis", settings.GetString("HostName"));
        Assert.Equal(8, power.Single().GetInt64s("PowerState").Single());
    }

    [Fact]
    public async Task Amt_2_6_has_no_wsman()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("2.6", cancellationToken: cancellation);
        await using var client = new WsManClient(TestDevices.Options(device));
        await using var eoi = TestDevices.Client(device);

        var exception = await Assert.ThrowsAnyAsync<SharpAmt.Transport.AmtException>(() => client.GetAsync("AMT_GeneralSettings", cancellationToken: cancellation));

        Assert.Contains("404", exception.Message, StringComparison.Ordinal);
        Assert.Equal("2.6.3", await eoi.GetCoreVersionAsync(cancellation));
    }
}
