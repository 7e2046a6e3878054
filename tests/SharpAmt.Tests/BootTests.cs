using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

public sealed class BootTests
{
    [Theory]
    [InlineData(BootTarget.Pxe, BootDevice.Pxe, false)]
    [InlineData(BootTarget.HardDisk, BootDevice.HardDisk, false)]
    [InlineData(BootTarget.CdDvd, BootDevice.CdDvd, true)]
    [InlineData(BootTarget.BiosSetup, BootDevice.BiosSetup, true)]
    [InlineData(BootTarget.IderCd, BootDevice.IderCd, false)]
    [InlineData(BootTarget.IderFloppy, BootDevice.IderFloppy, true)]
    public async Task Reset_to_a_boot_target_boots_there_once_then_the_options_are_cleared(BootTarget target, BootDevice expected, bool sol)
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        await device.BootAsync(new BootRequest(target, PowerAction.Reset, sol), cancellation);

        var boot = simulated.Host.LastBoot!;
        Assert.Equal(expected, boot.Device);
        Assert.Equal(sol, boot.SolRedirected);
        Assert.True(simulated.Host.Boot.OptionsCleared);
        Assert.Null(simulated.Host.Boot.Source);

        await device.PowerAsync(PowerAction.Reset, cancellation);
        Assert.Equal(BootDevice.Default, simulated.Host.LastBoot!.Device);
        Assert.False(simulated.Host.LastBoot!.SolRedirected);
    }

    [Fact]
    public async Task Power_on_to_pxe_from_off_boots_the_network()
    {
        await using var simulated = await TestDevices.StartAsync(configure: options => options with { InitialPowerState = CimPowerState.Off });
        await using var device = TestDevices.Connect(simulated);

        await device.BootAsync(new BootRequest(BootTarget.Pxe, PowerAction.On), TestContext.Current.CancellationToken);

        Assert.Equal(CimPowerState.On, simulated.Host.PowerState);
        Assert.Equal(BootDevice.Pxe, simulated.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task Diagnostics_boot_works_where_the_firmware_offers_it_and_is_refused_unchanged_elsewhere()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using (var old = await TestDevices.StartAsync(FirmwareProfiles.Amt6))
        await using (var oldClient = TestDevices.Connect(old))
        {
            await oldClient.BootAsync(new BootRequest(BootTarget.Diagnostics, PowerAction.Reset), cancellation);
            Assert.Equal(BootDevice.Diagnostics, old.Host.LastBoot!.Device);
        }

        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt12);
        await using var device = TestDevices.Connect(simulated);
        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.BootAsync(new BootRequest(BootTarget.Diagnostics, PowerAction.Reset), cancellation));
        Assert.Contains("diagnostics", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulated.Host.BootHistory);
        Assert.True(simulated.Host.Boot.OptionsCleared);
    }

    [Fact]
    public async Task Boot_with_sol_while_sol_is_disabled_is_refused_before_anything_changes()
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Redirection.SolEnabled = false;
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device.BootAsync(new BootRequest(BootTarget.Pxe, PowerAction.Reset, UseSol: true), TestContext.Current.CancellationToken));

        Assert.Contains("--sol on", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulated.Host.BootHistory);
        Assert.True(simulated.Host.Boot.OptionsCleared);
    }

    [Fact]
    public async Task Power_on_with_a_boot_target_while_on_is_refused()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device.BootAsync(new BootRequest(BootTarget.Pxe, PowerAction.On), TestContext.Current.CancellationToken));

        Assert.Contains("use reset", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulated.Host.BootHistory);
    }

    [Fact]
    public async Task Boot_settings_persist_until_the_next_boot()
    {
        await using var simulated = await TestDevices.StartAsync(configure: options => options with { PowerTransitionDelay = TimeSpan.FromMilliseconds(300) });
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        await device.BootAsync(new BootRequest(BootTarget.BiosSetup, PowerAction.Reset, UseSol: true), cancellation);

        // The reset is still under way: the options are pending, visible over WS-Man.
        var pending = await device.WsMan.GetAsync("AMT_BootSettingData", cancellationToken: cancellation);
        Assert.Equal(true, pending.GetBoolean("BIOSSetup"));
        Assert.Equal(true, pending.GetBoolean("UseSOL"));
        Assert.Equal(false, pending.GetBoolean("OptionsCleared"));

        await simulated.Host.WhenSettled;
        var cleared = await device.WsMan.GetAsync("AMT_BootSettingData", cancellationToken: cancellation);
        Assert.Equal(false, cleared.GetBoolean("BIOSSetup"));
        Assert.Equal(false, cleared.GetBoolean("UseSOL"));
        Assert.Equal(true, cleared.GetBoolean("OptionsCleared"));
        Assert.Equal(BootDevice.BiosSetup, simulated.Host.LastBoot!.Device);
    }
}
