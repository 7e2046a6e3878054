using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests.Kvm;

/// <summary>What a KVM viewer's preparation does on the simulated device: listener, KVM, power and user consent.</summary>
public sealed class KvmPrepareTests
{
    [Fact]
    public async Task Required_consent_is_asked_for_and_the_displayed_code_grants_it()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var prompts = new List<ConsentPrompt>();
        var progress = new List<string>();

        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = (prompt, _) =>
            {
                prompts.Add(prompt);
                return ValueTask.FromResult(simulated.Consent.DisplayedCode);
            },
            Progress = progress.Add,
        }, TestContext.Current.CancellationToken);

        Assert.True(prepared.ConsentObtained);
        Assert.Equal(ConsentState.Received, prepared.Consent?.State);
        Assert.Equal(OptInState.Received, simulated.Consent.State);
        Assert.Equal(new ConsentPrompt(RedirectionKind.Kvm, 1, false, 120), Assert.Single(prompts));
        Assert.Contains("user consent granted", progress);
        Assert.False(prepared.PoweredOn);
    }

    [Fact]
    public async Task Granted_consent_is_not_asked_for_again()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.StartConsentAsync(cancellation);
        await device.SendConsentCodeAsync(simulated.Consent.DisplayedCode!, cancellation);
        var asked = 0;

        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = (_, _) =>
            {
                asked++;
                return ValueTask.FromResult<string?>(null);
            },
        }, cancellation);

        Assert.Equal(0, asked);
        Assert.False(prepared.ConsentObtained);
    }

    [Fact]
    public async Task A_wrong_code_is_asked_again_and_the_right_one_then_grants_consent()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var prompts = new List<ConsentPrompt>();

        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = (prompt, _) =>
            {
                prompts.Add(prompt);
                var code = simulated.Consent.DisplayedCode!;
                return ValueTask.FromResult<string?>(prompt.Attempt == 1 ? Wrong(code) : code);
            },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(ConsentState.Received, prepared.Consent?.State);
        Assert.Equal([false, true], prompts.Select(prompt => prompt.PreviousCodeWrong));
    }

    [Fact]
    public async Task Only_wrong_codes_end_in_a_consent_error()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var asked = 0;

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = (_, _) =>
            {
                asked++;
                return ValueTask.FromResult<string?>(Wrong(simulated.Consent.DisplayedCode ?? "000000"));
            },
        }, TestContext.Current.CancellationToken));

        Assert.Equal(ConsentFailure.WrongCode, error.Failure);
        Assert.Equal(3, asked);
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
    }

    [Fact]
    public async Task Giving_no_code_cancels_the_request()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = (_, _) => ValueTask.FromResult<string?>(null),
        }, TestContext.Current.CancellationToken));

        Assert.Equal(ConsentFailure.Declined, error.Failure);
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
        Assert.Null(simulated.Consent.DisplayedCode);
    }

    [Fact]
    public async Task An_expired_code_is_a_timeout()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        simulated.Consent.CodeTimeout = TimeSpan.FromMilliseconds(100);
        await using var device = KvmTestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = async (_, cancellation) =>
            {
                var code = simulated.Consent.DisplayedCode;
                await Task.Delay(300, cancellation);
                return code;
            },
        }, TestContext.Current.CancellationToken));

        Assert.Equal(ConsentFailure.TimedOut, error.Failure);
    }

    [Fact]
    public async Task Needed_consent_without_a_code_source_is_an_error_that_starts_nothing()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareKvmAsync(new KvmPrepareOptions(), TestContext.Current.CancellationToken));

        Assert.Equal(ConsentFailure.NoCodeSource, error.Failure);
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
    }

    [Fact]
    public async Task A_host_that_is_off_is_powered_on_so_the_code_can_be_shown()
    {
        await using var simulated = await KvmTestDevices.StartAsync(configure: options => options with { InitialPowerState = CimPowerState.Off });
        await using var device = KvmTestDevices.Connect(simulated);
        var progress = new List<string>();
        var powerWhenAsked = CimPowerState.Off;

        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions
        {
            ConsentCode = async (_, _) =>
            {
                await simulated.Host.WhenSettled;
                powerWhenAsked = simulated.Host.PowerState;
                return simulated.Consent.DisplayedCode;
            },
            Progress = progress.Add,
        }, TestContext.Current.CancellationToken);

        Assert.True(prepared.PoweredOn);
        Assert.Equal(CimPowerState.On, powerWhenAsked);
        Assert.Contains(progress, line => line.Contains("powering it on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_consent_policy_means_no_code_and_no_power_change()
    {
        await using var simulated = await KvmTestDevices.StartAsync(configure: options => options with { InitialPowerState = CimPowerState.Off });
        simulated.Consent.Required = OptIn.RequiredNone;
        await using var device = KvmTestDevices.Connect(simulated);

        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions(), TestContext.Current.CancellationToken);

        Assert.False(prepared.ConsentObtained);
        Assert.False(prepared.PoweredOn);
        Assert.Equal(CimPowerState.Off, simulated.Host.PowerState);
    }

    [Fact]
    public async Task A_closed_listener_and_disabled_kvm_are_errors_unless_enabling_is_allowed()
    {
        await using var simulated = await KvmTestDevices.StartAsync(FirmwareProfiles.Amt16);
        simulated.Consent.Required = OptIn.RequiredNone;
        simulated.Redirection.KvmEnabled = false;
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var progress = new List<string>();

        var refused = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.PrepareKvmAsync(new KvmPrepareOptions { EnableKvm = true }, cancellation));
        var listenerStillClosed = simulated.Redirection.ListenerEnabled;
        var prepared = await device.PrepareKvmAsync(new KvmPrepareOptions { EnableKvm = true, EnableListener = true, Progress = progress.Add }, cancellation);

        Assert.Contains("redirection listener", refused.Message, StringComparison.Ordinal);
        Assert.False(listenerStillClosed);
        Assert.True(prepared.ListenerEnabled);
        Assert.True(prepared.KvmEnabled);
        Assert.True(simulated.Redirection.ListenerEnabled);
        Assert.True(simulated.Redirection.KvmEnabled);
        Assert.Equal(["opening the redirection listener and enabling KVM"], progress);
    }

    [Fact]
    public async Task Kvm_disabled_in_mebx_cannot_be_enabled_remotely()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        simulated.Kvm.EnabledByMEBx = false;
        simulated.Redirection.KvmEnabled = false;
        await using var device = KvmTestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.PrepareKvmAsync(new KvmPrepareOptions { EnableKvm = true }, TestContext.Current.CancellationToken));

        Assert.Contains("MEBx", error.Message, StringComparison.Ordinal);
        Assert.False(simulated.Redirection.KvmEnabled);
    }

    private static string Wrong(string code) => code == "000000" ? "000001" : "000000";
}
