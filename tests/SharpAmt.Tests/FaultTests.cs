using System.Diagnostics;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>Each injected fault ends in success after retry, or in a clear error within the timeout with the device unchanged.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_sleeping_me_is_nudged_awake_and_the_action_happens_once()
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Faults.SleepingConnections = 3;
        await using var device = TestDevices.Connect(simulated);

        await device.PowerAsync(PowerAction.Reset, TestContext.Current.CancellationToken);

        Assert.Equal(0, simulated.Faults.SleepingConnections);
        Assert.Single(simulated.Host.BootHistory);
    }

    [Fact]
    public async Task A_request_that_changes_state_is_sent_again_after_a_reset_on_a_fresh_connection()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.GetPowerStatusAsync(cancellation);
        await device.WsMan.Http.CloseConnectionAsync(cancellation);
        simulated.Faults.SleepingConnections = 2;

        await device.PowerAsync(PowerAction.Off, cancellation);

        Assert.Equal(CimPowerState.Off, simulated.Host.PowerState);
    }

    [Fact]
    public async Task A_read_dropped_mid_reply_is_retried()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.GetGeneralSettingsAsync(cancellation);
        simulated.Faults.DroppedReplies = 2;

        var settings = await device.GetGeneralSettingsAsync(cancellation);

        Assert.Equal(simulated.General.HostName, settings.HostName);
        Assert.Equal(0, simulated.Faults.DroppedReplies);
    }

    [Fact]
    public async Task An_action_dropped_mid_reply_is_not_repeated_and_the_device_is_unchanged()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.GetPowerStatusAsync(cancellation);
        simulated.Faults.DroppedReplies = 1;
        var input = WsManObject.MethodInput("CIM_PowerManagementService", "RequestPowerStateChange")
            .With("PowerState", 8)
            .With("ManagedElement", EndpointReference.For("CIM_ComputerSystem", ("Name", "ManagedSystem")));

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => device.WsMan.InvokeAsync("CIM_PowerManagementService", "RequestPowerStateChange", input, cancellationToken: cancellation));

        Assert.Equal(ConnectionFailure.DroppedMidReply, error.Failure);
        Assert.Contains("not sent again", error.Message, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.On, simulated.Host.PowerState);
    }

    [Fact]
    public async Task Slow_replies_within_the_timeout_succeed()
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Faults.ReplyDelay = TimeSpan.FromMilliseconds(150);
        await using var device = TestDevices.Connect(simulated, timeout: TimeSpan.FromSeconds(5));

        var status = await device.PowerAsync(PowerAction.Off, TestContext.Current.CancellationToken);

        Assert.True(status.Requested);
        Assert.Equal(CimPowerState.Off, simulated.Host.PowerState);
    }

    [Fact]
    public async Task Replies_slower_than_the_timeout_fail_in_time_and_the_abandoned_action_never_happens()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated, timeout: TimeSpan.FromSeconds(1));
        var cancellation = TestContext.Current.CancellationToken;
        await device.GetPowerStatusAsync(cancellation);
        simulated.Faults.ReplyDelay = TimeSpan.FromSeconds(2);
        var input = WsManObject.MethodInput("CIM_PowerManagementService", "RequestPowerStateChange")
            .With("PowerState", 8)
            .With("ManagedElement", EndpointReference.For("CIM_ComputerSystem", ("Name", "ManagedSystem")));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => device.WsMan.InvokeAsync("CIM_PowerManagementService", "RequestPowerStateChange", input, cancellationToken: cancellation));

        Assert.Equal(ConnectionFailure.TimedOut, error.Failure);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.8));
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellation);
        Assert.Equal(CimPowerState.On, simulated.Host.PowerState);
    }

    [Fact]
    public async Task Stale_nonces_are_renewed_without_failing()
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Faults.NonceUses = 2;
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        for (var i = 0; i < 7; i++)
        {
            await device.GetGeneralSettingsAsync(cancellation);
        }

        Assert.True(device.WsMan.Http.ConnectionsOpened >= 4);
    }

    [Fact]
    public async Task Repeated_bad_passwords_lock_the_account_until_the_lockout_passes()
    {
        var clock = new ManualClock();
        await using var simulated = await TestDevices.StartAsync(configure: options => options with { Time = clock });
        simulated.Accounts.LockoutThreshold = 3;
        var cancellation = TestContext.Current.CancellationToken;
        await using (var wrong = TestDevices.Connect(simulated, password: "Wr0ng-pass!"))
        {
            await Assert.ThrowsAsync<AmtAuthenticationException>(() => wrong.GetGeneralSettingsAsync(cancellation));
            await Assert.ThrowsAsync<AmtAuthenticationException>(() => wrong.GetGeneralSettingsAsync(cancellation));
        }

        Assert.True(simulated.Accounts.IsLockedOut);
        await using (var right = TestDevices.Connect(simulated))
        {
            await Assert.ThrowsAsync<AmtAuthenticationException>(() => right.GetGeneralSettingsAsync(cancellation));
        }

        clock.Advance(TimeSpan.FromSeconds(6));
        await using var later = TestDevices.Connect(simulated);
        Assert.Equal(simulated.General.HostName, (await later.GetGeneralSettingsAsync(cancellation)).HostName);
    }
}
