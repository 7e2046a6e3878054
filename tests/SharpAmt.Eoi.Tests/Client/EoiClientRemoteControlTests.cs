using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Simulator.Host;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Eoi.Tests.Client;

/// <summary>RemoteControl and the power queries against simulated AMT 2.6, 5.2 and 8.1, with the host's power and boots checked.</summary>
public sealed class EoiClientRemoteControlTests
{
    [Theory]
    [InlineData("2.6", CimPowerState.On, 0u)]
    [InlineData("5.2", CimPowerState.Off, 5u)]
    [InlineData("8.1", CimPowerState.Sleep, 3u)]
    [InlineData("8.1", CimPowerState.Hibernate, 4u)]
    public async Task Power_state_maps_to_acpi_states(string firmware, CimPowerState power, uint expected)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, power, cancellation);
        await using var client = TestDevices.Client(device);

        Assert.Equal(expected, await client.GetSystemPowerStateAsync(cancellation));
    }

    [Theory]
    [InlineData("2.6")]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task Capabilities_are_intels_with_every_special_and_power_command(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        Assert.Equal(new EoiRemoteControlCapabilities(343, 31, 7936, 15, 0xF86E), await client.GetRemoteControlCapabilitiesAsync(cancellation));
    }

    public static TheoryData<string, EoiRemoteControlCommand, EoiSpecialCommand?, uint?, CimPowerState, BootDevice, bool, bool> Boots() => new()
    {
        { "2.6", EoiRemoteControlCommand.Reset, null, null, CimPowerState.On, BootDevice.Default, false, false },
        { "2.6", EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe, null, CimPowerState.On, BootDevice.Pxe, false, false },
        { "5.2", EoiRemoteControlCommand.PowerCycle, EoiSpecialCommand.HardDisk, null, CimPowerState.On, BootDevice.HardDisk, false, false },
        { "5.2", EoiRemoteControlCommand.Reset, EoiSpecialCommand.HardDiskSafeMode, null, CimPowerState.On, BootDevice.HardDisk, false, true },
        { "8.1", EoiRemoteControlCommand.Reset, EoiSpecialCommand.Diagnostics, null, CimPowerState.On, BootDevice.Diagnostics, false, false },
        { "8.1", EoiRemoteControlCommand.PowerCycle, EoiSpecialCommand.CdDvd, null, CimPowerState.On, BootDevice.CdDvd, false, false },
        { "8.1", EoiRemoteControlCommand.PowerUp, EoiSpecialCommand.IntelOem, EoiOemParameters.UseSol, CimPowerState.Off, BootDevice.BiosSetup, true, false },
        { "2.6", EoiRemoteControlCommand.PowerUp, EoiSpecialCommand.Nop, null, CimPowerState.Off, BootDevice.Default, false, false },
    };

    [Theory]
    [MemberData(nameof(Boots))]
    public async Task A_power_command_boots_the_host_as_asked(
        string firmware, EoiRemoteControlCommand command, EoiSpecialCommand? special, uint? oem, CimPowerState before, BootDevice device, bool sol, bool safeMode)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulated = await TestDevices.StartAsync(firmware, before, cancellation);
        await using var client = TestDevices.Client(simulated);

        await client.RemoteControlAsync(new EoiRemoteControlRequest(command, special, oem), cancellation);

        var boot = Assert.Single(simulated.Host.BootHistory);
        Assert.Equal((device, sol, safeMode), (boot.Device, boot.SolRedirected, boot.SafeMode));
        Assert.Equal(CimPowerState.On, simulated.Host.PowerState);
        Assert.True(simulated.Host.Boot.OptionsCleared);
        Assert.Equal(0u, await client.GetSystemPowerStateAsync(cancellation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(EoiSpecialCommand.Pxe)]
    public async Task Power_down_turns_the_host_off_and_keeps_no_boot_option(EoiSpecialCommand? special)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        await client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerDown, special), cancellation);

        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
        Assert.Equal(5u, await client.GetSystemPowerStateAsync(cancellation));
        Assert.True(device.Host.Boot.OptionsCleared);
        Assert.Empty(device.Host.BootHistory);
    }

    public static TheoryData<CimPowerState, EoiRemoteControlRequest, uint> Refusals() => new()
    {
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset - 1, EoiSpecialCommand.Pxe), PtStatus.InvalidCommand },
        { CimPowerState.On, new((EoiRemoteControlCommand)20, EoiSpecialCommand.Pxe), PtStatus.InvalidCommand },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, (EoiSpecialCommand)6), PtStatus.InvalidSpecialCommand },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe, IanaOemNumber: 1), PtStatus.UnsupportedOemNumber },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.IntelOem, IanaOemNumber: EoiIanaNumbers.Asf), PtStatus.InvalidSpecialCommand },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.IntelOem, SpecialCommandParameter: 2), PtStatus.InvalidSpecialCommand },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe, OemParameters: 2), PtStatus.UnsupportedBootOption },
        { CimPowerState.On, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe, BootOptions: 1), PtStatus.UnsupportedBootOption },
        { CimPowerState.On, new(EoiRemoteControlCommand.PowerUp, EoiSpecialCommand.Pxe), PtStatus.NotPermitted },
        { CimPowerState.Off, new(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe), PtStatus.NotPermitted },
        { CimPowerState.Off, new(EoiRemoteControlCommand.PowerCycle, EoiSpecialCommand.CdDvd), PtStatus.NotPermitted },
        { CimPowerState.Off, new(EoiRemoteControlCommand.PowerDown), PtStatus.NotPermitted },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_command_applies_nothing(CimPowerState power, EoiRemoteControlRequest request, uint status)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", power, cancellation);
        await using var client = TestDevices.Client(device);

        var refused = await Assert.ThrowsAsync<EoiStatusException>(() => client.RemoteControlAsync(request, cancellation));

        Assert.Equal(status, refused.Status);
        Assert.Equal("RemoteControl", refused.Operation);
        Assert.Equal(power, device.Host.PowerState);
        Assert.Empty(device.Host.BootHistory);
        Assert.True(device.Host.Boot.OptionsCleared);
        Assert.Null(device.Host.Boot.Source);
    }

    [Fact]
    public async Task Sdk_fields_set_options_for_the_next_boot_without_a_power_change()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        await client.RemoteControlAsync(new EoiRemoteControlRequest(
            EoiRemoteControlCommand.SetBootOptions,
            EoiSpecialCommand.IntelOem,
            EoiOemParameters.UseSol,
            SpecialCommandParameter: EoiSpecialCommandParameters.UseIderCd | EoiSpecialCommandParameters.BiosPause,
            BootOptions: EoiBootOptions.LockKeyboard | EoiBootOptions.LockPowerButton | EoiBootOptions.VerbosityVerbose), cancellation);

        var boot = device.Host.Boot;
        Assert.Empty(device.Host.BootHistory);
        Assert.Equal(
            (true, "1", true, true, true, true, "2", false),
            (boot.Flag("UseIDER"), boot.Value("IDERBootDevice"), boot.Flag("BIOSPause"), boot.Flag("UseSOL"), boot.Flag("LockKeyboard"), boot.Flag("LockPowerButton"), boot.Value("FirmwareVerbosity"), boot.Flag("BIOSSetup")));

        await client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset), cancellation);

        var record = Assert.Single(device.Host.BootHistory);
        Assert.Equal((BootDevice.IderCd, true, true), (record.Device, record.SolRedirected, record.BiosPause));
        Assert.True(boot.OptionsCleared);
    }

    [Fact]
    public async Task A_power_change_still_under_way_refuses_the_next_command()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        device.Host.TransitionDelay = TimeSpan.FromSeconds(30);
        await using var client = TestDevices.Client(device);

        await client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset, EoiSpecialCommand.Pxe), cancellation);
        var second = await Assert.ThrowsAsync<EoiStatusException>(() => client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerDown), cancellation));

        Assert.Equal(PtStatus.NotPermitted, second.Status);
        Assert.Equal(BootSourceIds.Pxe, device.Host.Boot.Source);
    }

    [Fact]
    public async Task A_call_the_device_cannot_parse_comes_back_as_a_fault_and_acts_on_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);
        var request = new SharpAmt.Eoi.Wire.EoiRequest(EoiOperations.RemoteControl,
            [SharpAmt.Eoi.Wire.EoiElement.Leaf("Command", "reset"), SharpAmt.Eoi.Wire.EoiElement.Leaf("IanaOemNumber", "343")]);

        var fault = await Assert.ThrowsAsync<EoiFaultException>(() => client.CallAsync(request, SharpAmt.Transport.Http.Client.RequestSafety.ChangesState, cancellation));

        Assert.Equal(("Client", 500, "RemoteControl"), (fault.Code, fault.HttpStatus, fault.Operation));
        Assert.Equal($"{client.Http.Endpoint}: RemoteControl: SOAP fault Client: RemoteControl: Command 'reset' is not a number from 0 to 255", fault.Message);
        Assert.Empty(device.Host.BootHistory);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
    }

    [Fact]
    public async Task A_remote_control_whose_reply_is_lost_is_not_sent_again_but_a_read_is()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);
        await client.GetSystemPowerStateAsync(cancellation);

        device.Faults.DroppedReplies = 1;
        var lost = await Assert.ThrowsAsync<AmtConnectionException>(() => client.RemoteControlAsync(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset), cancellation));
        device.Faults.DroppedReplies = 1;
        var state = await client.GetSystemPowerStateAsync(cancellation);

        Assert.Contains("not sent again because the device may have acted on it", lost.Message, StringComparison.Ordinal);
        Assert.Equal(0, device.Faults.DroppedReplies);
        Assert.Equal(0u, state);
        Assert.Empty(device.Host.BootHistory);
    }
}
