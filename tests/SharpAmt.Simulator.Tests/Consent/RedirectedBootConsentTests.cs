using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Consent;

/// <summary>
/// Under the "all" policy a boot's BIOS setup, IDE-R and SOL options need consent; without it the host boots as
/// usual and the power request still succeeds, as on firmware (device-management-toolkit/cloud-deployment#291).
/// </summary>
public sealed class RedirectedBootConsentTests
{
    private static BootRecord ResetWith(SimulatedDevice device, params (string Field, string Value)[] options)
    {
        device.Host.Boot.Set(options.Select(option => KeyValuePair.Create(option.Field, option.Value)));
        device.Host.Boot.SetRole(isNextBoot: true);
        Assert.Equal(0u, device.Host.RequestPowerChange((int)CimPowerState.Reset));
        return device.Host.LastBoot!;
    }

    [Fact]
    public async Task Without_consent_bios_setup_ider_and_sol_are_ignored_under_the_all_policy()
    {
        await using var device = await ConsentDevices.StartAsync(mode: ControlMode.Client);

        var bios = ResetWith(device, ("BIOSSetup", "true"), ("UseSOL", "true"));
        var ider = ResetWith(device, ("UseIDER", "true"), ("IDERBootDevice", "1"));

        Assert.Equal(BootDevice.Default, bios.Device);
        Assert.False(bios.SolRedirected);
        Assert.Equal(BootDevice.Default, ider.Device);
        Assert.True(device.Host.Boot.OptionsCleared);
    }

    [Fact]
    public async Task With_consent_granted_the_boot_goes_where_it_was_sent_and_the_grant_stays()
    {
        await using var device = await ConsentDevices.StartAsync(mode: ControlMode.Client);
        ConsentDevices.Grant(device);

        var bios = ResetWith(device, ("BIOSSetup", "true"), ("UseSOL", "true"));

        Assert.Equal(BootDevice.BiosSetup, bios.Device);
        Assert.True(bios.SolRedirected);
        // A boot is no session: the grant is still there for the console that follows.
        Assert.Equal(OptInState.Received, device.Consent.State);
    }

    [Fact]
    public async Task The_kvm_policy_leaves_redirected_boots_alone()
    {
        await using var device = await ConsentDevices.StartAsync();
        device.Consent.Required = OptIn.RequiredKvm;

        var bios = ResetWith(device, ("BIOSSetup", "true"));

        Assert.Equal(BootDevice.BiosSetup, bios.Device);
    }
}
