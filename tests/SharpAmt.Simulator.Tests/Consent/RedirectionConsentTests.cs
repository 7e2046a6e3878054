using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Wire;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.Consent.ConsentDevices;

namespace SharpAmt.Simulator.Tests.Consent;

/// <summary>
/// User consent for SOL and IDE-R on the simulated device, over real TCP: which policy asks for it, how a session
/// without it is refused, and how a grant is shared and used up.
/// </summary>
public sealed class RedirectionConsentTests
{
    [Fact]
    public async Task Under_the_all_policy_sol_and_ider_are_refused_at_the_start_for_want_of_consent()
    {
        await using var device = await StartAsync();
        device.Consent.Required = OptIn.RequiredAll;

        var sol = await Assert.ThrowsAsync<RedirectionRefusedException>(() => SolSession.OpenAsync(Client(device), cancellationToken: Token));
        var ider = await Assert.ThrowsAsync<RedirectionRefusedException>(() => OpenIderAsync(device));

        Assert.Equal(RedirectionStatus.UserConsentRequired, sol.Status);
        Assert.True(ider.IsConsentRequired);
        Assert.Contains("needs user consent", sol.Message, StringComparison.Ordinal);
        Assert.False(device.SerialPort.IsAttached);
        Assert.False(device.IderDrives.IsAttached);
        Assert.Equal(OptInState.NotStarted, device.Consent.State);
    }

    [Fact]
    public async Task Under_the_kvm_only_policy_sol_and_ider_need_no_consent_and_leave_it_alone()
    {
        await using var device = await StartAsync();
        Assert.Equal(OptIn.RequiredKvm, device.Consent.Required);
        Grant(device);

        await using (var sol = await SolSession.OpenAsync(Client(device), cancellationToken: Token))
        await using (var ider = await OpenIderAsync(device))
        {
            Assert.Equal(OptInState.Received, device.Consent.State);
        }

        await EventuallyAsync(() => !device.SerialPort.IsAttached && !device.IderDrives.IsAttached, "the sessions never ended on the device");
        Assert.Equal(OptInState.Received, device.Consent.State);
    }

    [Fact]
    public async Task With_the_code_sol_runs_in_session_and_the_grant_is_used_up_when_it_ends()
    {
        await using var device = await StartAsync();
        device.Consent.Required = OptIn.RequiredAll;
        Grant(device);

        await using (var sol = await SolSession.OpenAsync(Client(device), cancellationToken: Token))
        {
            Assert.Equal(OptInState.InSession, device.Consent.State);
        }

        await EventuallyAsync(() => device.Consent.State == OptInState.NotStarted, "the grant outlived its session");
        var again = await Assert.ThrowsAsync<RedirectionRefusedException>(() => SolSession.OpenAsync(Client(device), cancellationToken: Token));
        Assert.True(again.IsConsentRequired);
    }

    [Fact]
    public async Task One_grant_covers_sol_and_ider_opened_together_until_the_last_ends()
    {
        await using var device = await StartAsync();
        device.Consent.Required = OptIn.RequiredAll;
        Grant(device);

        var sol = await SolSession.OpenAsync(Client(device), cancellationToken: Token);
        await using (var ider = await OpenIderAsync(device))
        {
            Assert.True(device.IderDrives.IsAttached);
            await sol.DisposeAsync();
            await EventuallyAsync(() => !device.SerialPort.IsAttached, "the SOL session never ended on the device");
            Assert.Equal(OptInState.InSession, device.Consent.State);
        }

        await EventuallyAsync(() => device.Consent.State == OptInState.NotStarted, "the grant outlived the last session");
    }

    [Fact]
    public async Task A_busy_refusal_does_not_spend_the_grant()
    {
        await using var device = await StartAsync();
        device.Consent.Required = OptIn.RequiredAll;
        Grant(device);
        using var held = device.SerialPort.TryAttach(_ => ValueTask.CompletedTask);

        var busy = await Assert.ThrowsAsync<RedirectionRefusedException>(() => SolSession.OpenAsync(Client(device), cancellationToken: Token));

        Assert.True(busy.IsBusy);
        Assert.Equal(OptInState.Received, device.Consent.State);
    }

    [Fact]
    public async Task Client_control_mode_forces_consent_for_all_redirection()
    {
        await using var device = await StartAsync(mode: ControlMode.Client);

        var refused = await Assert.ThrowsAsync<RedirectionRefusedException>(() => OpenIderAsync(device));
        var change = Assert.Throws<InvalidOperationException>(() => device.Consent.Required = OptIn.RequiredKvm);

        Assert.True(refused.IsConsentRequired);
        Assert.Equal(OptIn.RequiredAll, device.Consent.Required);
        Assert.False(device.Consent.CanModifyPolicy);
        Assert.Contains("client control mode", change.Message, StringComparison.Ordinal);
        Grant(device);
        await using var ider = await OpenIderAsync(device);
        Assert.Equal(OptInState.InSession, device.Consent.State);
    }

    [Fact]
    public async Task Firmware_without_user_consent_never_asks_for_it()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt6 with { Version = new(6, 0, 30) });
        device.Consent.Required = OptIn.RequiredAll;

        await using var sol = await SolSession.OpenAsync(Client(device), cancellationToken: Token);

        Assert.True(device.SerialPort.IsAttached);
    }
}
