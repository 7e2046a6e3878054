using System.Xml.Linq;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// IPS_SecIOService on the wire: its DefaultScreen is live state that Get, Enumerate and Pull show and a Put changes,
/// in the recorded replies' shape. Devices live on 127.0.221.1–40 only.
/// </summary>
public sealed class SecIoServiceTests
{
    private static readonly AddressBlock Addresses = new(221, 1, 40);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_and_pull_show_the_put_default_screen_with_the_recorded_properties()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var before = await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token);

        var reply = await client.PutAsync(before.With("DefaultScreen", 1), cancellationToken: Token);
        var after = await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token);
        var pulled = Assert.Single(await client.EnumerateObjectsAsync(AmtClassNames.SecIoService, Token));

        Assert.Equal(RecordedNames("get.xml"), Names(before));
        Assert.Equal(RecordedNames("pull.xml"), Names(pulled));
        Assert.Equal(Names(before), Names(after));
        Assert.False(after.Has("NumberOfScreens"));
        Assert.Equal("0", before.GetString("DefaultScreen"));
        Assert.Equal("1", reply.GetString("DefaultScreen"));
        Assert.Equal("1", after.GetString("DefaultScreen"));
        Assert.Equal("1", pulled.GetString("DefaultScreen"));
        Assert.Equal(1, device.SecureIo.DefaultScreen);
    }

    [Fact]
    public async Task The_consent_display_and_the_kvm_display_are_set_apart()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var secureIo = await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token);
        var kvm = await client.GetAsync(AmtClassNames.KvmRedirectionSettingData, cancellationToken: Token);

        await client.PutAsync(secureIo.With("DefaultScreen", 2), cancellationToken: Token);
        var kvmAfter = await client.GetAsync(AmtClassNames.KvmRedirectionSettingData, cancellationToken: Token);
        await client.PutAsync(kvm.With("DefaultScreen", 1), cancellationToken: Token);
        var secureIoAfter = await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token);

        Assert.Equal("0", kvmAfter.GetString("DefaultScreen"));
        Assert.Equal("2", secureIoAfter.GetString("DefaultScreen"));
        Assert.Equal(1, device.Kvm.DefaultScreen);
        Assert.Equal(2, device.SecureIo.DefaultScreen);
    }

    [Theory]
    [InlineData("2", 8)]
    [InlineData("3", 12)]
    [InlineData("255", 12)]
    [InlineData("-1", 12)]
    [InlineData("one", 12)]
    public async Task A_display_the_firmware_cannot_have_is_refused_and_nothing_changes(string screen, int generation)
    {
        await using var device = await StartAsync(generation == 8 ? FirmwareProfiles.Amt8 : FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token);

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => client.PutAsync(current.With("DefaultScreen", screen), cancellationToken: Token));

        Assert.Equal(WsManFaults.InternalError().Subcode, fault.Fault.Subcode);
        Assert.Contains("AMT-STATUS 36", fault.Fault.Detail, StringComparison.Ordinal);
        Assert.Equal(0, device.SecureIo.DefaultScreen);
        Assert.Equal("0", (await client.GetAsync(AmtClassNames.SecIoService, cancellationToken: Token)).GetString("DefaultScreen"));
    }

    private static string[] Names(WsManObject instance) => instance.Properties.Select(property => property.Name).ToArray();

    private static string[] RecordedNames(string file) =>
        XDocument.Load(Path.Combine(RecordedReplies.Folder, "ips", "secio", "service", file))
            .Descendants().Single(element => element.Name.LocalName == AmtClassNames.SecIoService)
            .Elements().Select(element => element.Name.LocalName).ToArray();

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = Addresses.Next(),
            Firmware = firmware,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(Token);
        return device;
    }
}
