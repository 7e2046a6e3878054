using SharpAmt.Simulator.Firmware;
using Xunit;
using SimulatedConsentState = SharpAmt.WsMan.Amt.OptInState;
using SimulatedControlMode = SharpAmt.Simulator.ControlMode;

namespace SharpAmt.Tests;

public sealed class ConsentTests
{
    [Fact]
    public async Task The_displayed_code_grants_consent()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var started = await device.StartConsentAsync(cancellation);
        Assert.Equal(ConsentState.Displayed, started.State);
        var code = simulated.Consent.DisplayedCode!;

        var granted = await device.SendConsentCodeAsync(code, cancellation);

        Assert.Equal(ConsentState.Received, granted.State);
        Assert.Equal(SimulatedConsentState.Received, simulated.Consent.State);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_three_end_the_request()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.StartConsentAsync(cancellation);
        var wrong = simulated.Consent.DisplayedCode == "000000" ? "000001" : "000000";

        var error = await Assert.ThrowsAsync<AmtReturnValueException>(() => device.SendConsentCodeAsync(wrong, cancellation));
        Assert.Contains("wrong consent code", error.Message, StringComparison.Ordinal);
        Assert.Equal(SimulatedConsentState.Displayed, simulated.Consent.State);

        await Assert.ThrowsAsync<AmtReturnValueException>(() => device.SendConsentCodeAsync(wrong, cancellation));
        await Assert.ThrowsAsync<AmtReturnValueException>(() => device.SendConsentCodeAsync(wrong, cancellation));
        Assert.Equal(SimulatedConsentState.NotStarted, simulated.Consent.State);
    }

    [Fact]
    public async Task A_displayed_code_times_out()
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Consent.CodeTimeout = TimeSpan.FromMilliseconds(200);
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.StartConsentAsync(cancellation);
        var code = simulated.Consent.DisplayedCode!;

        await Task.Delay(400, cancellation);

        Assert.Equal(ConsentState.NotStarted, (await device.GetConsentAsync(cancellation)).State);
        var error = await Assert.ThrowsAsync<AmtReturnValueException>(() => device.SendConsentCodeAsync(code, cancellation));
        Assert.Contains("start the request first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ends_the_request()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.StartConsentAsync(cancellation);

        var cancelled = await device.CancelConsentAsync(cancellation);

        Assert.Equal(ConsentState.NotStarted, cancelled.State);
        Assert.Null(simulated.Consent.DisplayedCode);
    }

    [Theory]
    [InlineData(ConsentPolicy.None, 0u)]
    [InlineData(ConsentPolicy.Kvm, 1u)]
    [InlineData(ConsentPolicy.All, 0xFFFFFFFFu)]
    public async Task The_policy_is_set_in_admin_control_mode(ConsentPolicy policy, uint required)
    {
        await using var simulated = await TestDevices.StartAsync();
        simulated.Consent.Required = policy == ConsentPolicy.Kvm ? 0u : 1u;
        await using var device = TestDevices.Connect(simulated);

        var status = await device.SetConsentPolicyAsync(policy, TestContext.Current.CancellationToken);

        Assert.Equal(policy, status.Policy);
        Assert.Equal(required, simulated.Consent.Required);
    }

    [Fact]
    public async Task The_policy_cannot_change_in_client_control_mode_and_nothing_is_sent()
    {
        await using var simulated = await TestDevices.StartAsync(configure: options => options with { ControlMode = SimulatedControlMode.Client });
        await using var device = TestDevices.Connect(simulated);
        var requestsBefore = simulated.RequestCount;

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetConsentPolicyAsync(ConsentPolicy.None, TestContext.Current.CancellationToken));

        Assert.Contains("client control mode", error.Message, StringComparison.Ordinal);
        Assert.Equal(0xFFFFFFFFu, simulated.Consent.Required);
        Assert.DoesNotContain("Put", simulated.LastRequest, StringComparison.Ordinal);
        Assert.True(simulated.RequestCount > requestsBefore);
    }

    [Fact]
    public async Task Firmware_without_consent_says_so()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt6 with { Version = new(6, 0, 30) });
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.GetConsentAsync(TestContext.Current.CancellationToken));

        Assert.Contains("6.2", error.Message, StringComparison.Ordinal);
    }
}
