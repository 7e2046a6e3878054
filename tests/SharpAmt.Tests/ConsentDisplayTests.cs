using SharpAmt.Simulator;
using SharpAmt.Simulator.Catalogue;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// The display the consent code appears on (IPS_SecIOService.DefaultScreen): read with the consent status, set apart
/// from KVM's DefaultScreen, and refused before anything changes when the device cannot have it. Devices live on
/// 127.0.221.81–160 only.
/// </summary>
public sealed class ConsentDisplayTests
{
    private static readonly AddressBlock Addresses = new(221, 81, 160);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_display_is_set_and_read_back_without_touching_kvm()
    {
        await using var simulated = await StartAsync(FirmwareProfiles.Amt12);
        await using var device = TestDevices.Connect(simulated);

        var before = await device.GetConsentAsync(Token);
        var second = await device.SetConsentDisplayAsync(1, Token);
        var read = await device.GetConsentAsync(Token);
        var kvm = await device.GetKvmSettingsAsync(Token);
        var third = await device.SetConsentDisplayAsync(2, Token);

        Assert.Equal(0, before.CodeDisplay);
        Assert.Equal(1, second.CodeDisplay);
        Assert.Equal(1, read.CodeDisplay);
        Assert.Equal(0, kvm.DefaultScreen);
        Assert.Equal(2, third.CodeDisplay);
        Assert.Equal(2, simulated.SecureIo.DefaultScreen);
        Assert.Equal(0, simulated.Kvm.DefaultScreen);
    }

    [Fact]
    public async Task Setting_the_display_it_already_has_sends_no_put()
    {
        await using var simulated = await StartAsync(FirmwareProfiles.Amt12);
        await using var device = TestDevices.Connect(simulated);

        var status = await device.SetConsentDisplayAsync(0, Token);

        Assert.Equal(0, status.CodeDisplay);
        Assert.DoesNotContain("Put", simulated.LastRequest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(255)]
    public async Task A_display_no_device_has_is_refused_before_anything_is_sent(int display)
    {
        await using var simulated = await StartAsync(FirmwareProfiles.Amt12);
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => device.SetConsentDisplayAsync(display, Token));

        Assert.Contains("0, 1 or 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, simulated.RequestCount);
    }

    [Fact]
    public async Task A_third_display_is_refused_before_amt10_and_nothing_changes()
    {
        await using var simulated = await StartAsync(FirmwareProfiles.Amt8);
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => device.SetConsentDisplayAsync(2, Token));

        Assert.Contains("0 to 1 on AMT 8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Put", simulated.LastRequest, StringComparison.Ordinal);
        Assert.Equal(0, simulated.SecureIo.DefaultScreen);
    }

    [Fact]
    public async Task Firmware_without_consent_says_so()
    {
        await using var simulated = await StartAsync(FirmwareProfiles.Amt6 with { Version = new(6, 0, 30) });
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetConsentDisplayAsync(1, Token));

        Assert.Contains("6.2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, simulated.SecureIo.DefaultScreen);
    }

    [Fact]
    public async Task A_device_without_the_secure_io_service_cannot_choose_and_reports_no_display()
    {
        var catalogue = new ClassCatalogue(ClassCatalogue.Default.All.Where(definition => definition.ClassName != AmtClassNames.SecIoService));
        await using var simulated = await StartAsync(FirmwareProfiles.Amt12, catalogue);
        await using var device = TestDevices.Connect(simulated);

        var status = await device.GetConsentAsync(Token);
        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetConsentDisplayAsync(1, Token));

        Assert.Null(status.CodeDisplay);
        Assert.Equal(ConsentPolicy.Kvm, status.Policy);
        Assert.Contains("IPS_SecIOService", error.Message, StringComparison.Ordinal);
    }

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware, ClassCatalogue? catalogue = null)
    {
        var simulated = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = Addresses.Next(),
            Firmware = firmware,
            PowerTransitionDelay = TimeSpan.Zero,
        }, catalogue);
        await simulated.StartAsync(Token);
        return simulated;
    }
}
