using System.Net;
using System.Xml.Linq;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// IPS_ScreenSettingData on the wire: the simulated machine's displays in the recorded reply's shape, four entries per
/// array. Devices live on 127.0.219.61–100 only.
/// </summary>
public sealed class ScreenSettingDataTests
{
    private static int _next;

    [Fact]
    public async Task Two_displays_are_active_side_by_side_in_the_recorded_shape()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12, displays: 2);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var settings = await client.GetAsync(AmtClassNames.ScreenSettingData, cancellationToken: TestContext.Current.CancellationToken);

        var recorded = XDocument.Load(Path.Combine(RecordedReplies.Folder, "ips", "screensetting", "get.xml"))
            .Descendants().Single(element => element.Name.LocalName == AmtClassNames.ScreenSettingData)
            .Elements().Select(element => element.Name.LocalName).ToArray();
        Assert.Equal(recorded, settings.Properties.Select(property => property.Name).ToArray());
        Assert.Equal(["true", "true", "false", "false"], settings.GetStrings("IsActive"));
        Assert.Equal(["1920", "1280", "0", "0"], settings.GetStrings("ResolutionX"));
        Assert.Equal(["1080", "1024", "0", "0"], settings.GetStrings("ResolutionY"));
        Assert.Equal(["0", "1920", "-1", "-1"], settings.GetStrings("UpperLeftX"));
        Assert.Equal(["0", "0", "-1", "-1"], settings.GetStrings("UpperLeftY"));
        Assert.Equal("1", settings.GetString("PrimaryIndex"));
    }

    [Fact]
    public async Task One_display_by_default_and_the_class_is_missing_before_amt8()
    {
        await using var single = await StartAsync(FirmwareProfiles.Amt12, displays: 1);
        await using var amt6 = await StartAsync(FirmwareProfiles.Amt6, displays: 2);
        await using var client = SimulatedDeviceFixture.ClientFor(single);
        await using var oldClient = SimulatedDeviceFixture.ClientFor(amt6);

        var settings = await client.GetAsync(AmtClassNames.ScreenSettingData, cancellationToken: TestContext.Current.CancellationToken);
        var missing = await Assert.ThrowsAsync<SharpAmt.WsMan.WsManFaultException>(() => oldClient.GetAsync(AmtClassNames.ScreenSettingData, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["true", "false", "false", "false"], settings.GetStrings("IsActive"));
        Assert.Equal(["0", "-1", "-1", "-1"], settings.GetStrings("UpperLeftX"));
        Assert.True(missing.MeansNotPresent);
    }

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware, int displays)
    {
        var index = Interlocked.Increment(ref _next);
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = index <= 40 ? new IPAddress(new byte[] { 127, 0, 219, (byte)(60 + index) }) : throw new InvalidOperationException("out of 127.0.219.61-100"),
            Firmware = firmware,
            PowerTransitionDelay = TimeSpan.Zero,
            Screen = SimulatedScreenOptions.Default with { Displays = displays },
        });
        await device.StartAsync();
        return device;
    }
}
