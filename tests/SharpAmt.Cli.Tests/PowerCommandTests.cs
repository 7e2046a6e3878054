using System.Text.Json;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

public sealed class PowerCommandTests
{
    [Fact]
    public async Task Status_prints_the_state_and_the_actions_available()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var table = await harness.RunAsync("power", device.Address.ToString(), "status");
        var json = await harness.RunAsync("power", device.Address.ToString(), "status", "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Power state", table.Out, StringComparison.Ordinal);
        Assert.Contains("soft-reset", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("on", document.RootElement.GetProperty("power").GetProperty("state").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("power").GetProperty("cimPowerState").GetInt32());
    }

    [Fact]
    public async Task Off_then_on_change_the_host_and_say_what_was_requested()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var off = await harness.RunAsync("power", device.Address.ToString(), "off");
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
        var on = await harness.RunAsync("power", device.Address.ToString(), "on");

        Assert.Equal(ExitCodes.Success, off.ExitCode);
        Assert.Contains("off requested", off.Out, StringComparison.Ordinal);
        Assert.Contains("read afterwards: off", off.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, on.ExitCode);
        Assert.Contains("read afterwards: on", on.Out, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
    }

    [Fact]
    public async Task Reset_with_boot_pxe_and_sol_boots_the_host_to_the_network_with_sol()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("power", device.Address.ToString(), "reset", "--boot", "pxe", "--sol", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var boot = device.Host.LastBoot;
        Assert.NotNull(boot);
        Assert.Equal(BootDevice.Pxe, boot.Device);
        Assert.True(boot.SolRedirected);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("reset", json.RootElement.GetProperty("action").GetString());
        Assert.Equal("pxe", json.RootElement.GetProperty("boot").GetString());
        Assert.True(json.RootElement.GetProperty("sol").GetBoolean());
        Assert.True(json.RootElement.GetProperty("requested").GetBoolean());
        Assert.Equal("on", json.RootElement.GetProperty("after").GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_action_the_device_refuses_now_is_a_device_error()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(configure: options => options with { InitialPowerState = CimPowerState.Off });

        var result = await harness.RunAsync("power", device.Address.ToString(), "reset");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("power action reset is not possible now", line, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }
}
