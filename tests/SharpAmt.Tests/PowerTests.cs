using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

public sealed class PowerTests
{
    [Fact]
    public async Task Info_reports_firmware_identity_and_power()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt12);
        await using var device = TestDevices.Connect(simulated);

        var info = await device.GetInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal("12.0.67.1579", info.Version!.ToString());
        Assert.Equal(simulated.Identity.Realm, info.General.DigestRealm);
        Assert.Equal(simulated.General.HostName, info.General.HostName);
        Assert.Equal(simulated.Identity.Uuid, info.Uuid);
        Assert.Equal(AmtPowerState.On, info.Power.State);
        Assert.Equal(ControlMode.Admin, info.ControlMode);
    }

    [Theory]
    [InlineData(PowerAction.Off, CimPowerState.On, CimPowerState.Off)]
    [InlineData(PowerAction.On, CimPowerState.Off, CimPowerState.On)]
    [InlineData(PowerAction.Reset, CimPowerState.On, CimPowerState.On)]
    [InlineData(PowerAction.Cycle, CimPowerState.On, CimPowerState.On)]
    [InlineData(PowerAction.SoftOff, CimPowerState.On, CimPowerState.Off)]
    [InlineData(PowerAction.SoftReset, CimPowerState.On, CimPowerState.On)]
    [InlineData(PowerAction.Sleep, CimPowerState.On, CimPowerState.Sleep)]
    [InlineData(PowerAction.Hibernate, CimPowerState.On, CimPowerState.Hibernate)]
    public async Task Every_power_action_takes_effect_on_the_device(PowerAction action, CimPowerState initial, CimPowerState expected)
    {
        await using var simulated = await TestDevices.StartAsync(configure: options => options with { InitialPowerState = initial });
        await using var device = TestDevices.Connect(simulated);
        var bootsBefore = simulated.Host.BootHistory.Count;

        var result = await device.PowerAsync(action, TestContext.Current.CancellationToken);

        Assert.True(result.Requested);
        Assert.Equal(expected, simulated.Host.PowerState);
        var boots = action is PowerAction.On or PowerAction.Reset or PowerAction.Cycle or PowerAction.SoftReset ? 1 : 0;
        Assert.Equal(bootsBefore + boots, simulated.Host.BootHistory.Count);
    }
}
