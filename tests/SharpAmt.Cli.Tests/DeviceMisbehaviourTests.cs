using System.Diagnostics;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>A device that misbehaves ends in one clear line and exit 1 within the timeout, or in success after a retry.</summary>
public sealed class DeviceMisbehaviourTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 17\r\nContent-Type: application/soap+xml\r\n\r\nthis is not XML!!", "malformed XML")]
    [InlineData("HTTP/1.1 OK\r\n\r\n", "malformed HTTP status or request line")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZZ\r\n", "malformed chunked body")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 41\r\n\r\n<!DOCTYPE x [<!ENTITY e SYSTEM \"/etc/passwd\">]>", "malformed XML")]
    public async Task A_malformed_reply_is_one_line_and_exit_1(string reply, string expected)
    {
        using var harness = new CliHarness();
        await using var device = BrokenDevice.Replying(reply);

        var result = await harness.RunAsync("info", device.Address.ToString(), "--timeout", "5");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"amt: {device.Address}:16992: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_reply_ends_at_the_timeout()
    {
        using var harness = new CliHarness();
        await using var device = BrokenDevice.Endless();
        var clock = Stopwatch.StartNew();

        var result = await harness.RunAsync("info", device.Address.ToString(), "--timeout", "2");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(4));
        Assert.Equal($"amt: {device.Address}:16992: the reply did not complete within 2 s", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_fault_from_the_device_is_one_line_with_its_reason_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "get", "AMT_NoSuchClass");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Equal(
            $"amt: {device.Address}:16992: Get AMT_NoSuchClass: DestinationUnreachable: No route can be determined to reach the destination role defined by the WSAddressing To.",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_sleeping_me_is_woken_by_retrying_and_the_command_succeeds()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        device.Faults.SleepingConnections = 3;

        var result = await harness.RunAsync("power", device.Address.ToString(), "off");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }

    [Fact]
    public async Task An_action_whose_reply_is_dropped_is_reported_and_not_repeated()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        device.Faults.DroppedReplies = 1;

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "invoke", "CIM_PowerManagementService", "RequestPowerStateChange",
            "PowerState=8", "ManagedElement=ref:CIM_ComputerSystem?Name=ManagedSystem");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("dropped in the middle of the reply", line, StringComparison.Ordinal);
        Assert.Contains("not sent again", line, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
    }
}
