using System.Net;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// Consent preparation for SOL and IDE-R on simulated devices: asked for only when the policy covers the kind,
/// the displayed code opens the way for a real session, wrong codes end in a consent error. Addresses 127.0.213.101–200.
/// </summary>
public sealed class ConsentPrepareTests
{
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<SimulatedDevice> StartAsync(uint policy, CimPowerState power = CimPowerState.On)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 100)
        {
            throw new InvalidOperationException("the consent preparation tests ran out of addresses in 127.0.213.101-200");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 213, (byte)(100 + index) }),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            InitialPowerState = power,
        });
        device.Redirection.ListenerEnabled = true;
        device.Consent.Required = policy;
        await device.StartAsync(Token);
        return device;
    }

    private static RedirectionClientOptions Redirection(SimulatedDevice device) => new()
    {
        Host = device.Address.ToString(),
        Credentials = new Transport.AmtCredentials(device.Options.User, device.Options.Password),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Under_the_all_policy_the_displayed_code_grants_sol_and_the_session_then_opens()
    {
        await using var simulated = await StartAsync(OptIn.RequiredAll);
        await using var device = TestDevices.Connect(simulated);
        var prompts = new List<ConsentPrompt>();
        var progress = new List<string>();
        var refused = await Assert.ThrowsAsync<RedirectionRefusedException>(() => SolSession.OpenAsync(Redirection(simulated), cancellationToken: Token));

        var prepared = await device.PrepareConsentAsync(RedirectionKind.Sol, new ConsentPrepareOptions
        {
            ConsentCode = (prompt, _) =>
            {
                prompts.Add(prompt);
                return ValueTask.FromResult(simulated.Consent.DisplayedCode);
            },
            Progress = progress.Add,
        }, Token);
        await using var sol = await SolSession.OpenAsync(Redirection(simulated), cancellationToken: Token);

        Assert.True(refused.IsConsentRequired);
        Assert.True(prepared.ConsentObtained);
        Assert.Equal(ConsentState.Received, prepared.Consent?.State);
        Assert.Equal(new ConsentPrompt(RedirectionKind.Sol, 1, false, 120), Assert.Single(prompts));
        Assert.Equal(["serial-over-LAN needs user consent: showing a code on the host's screen", "user consent granted"], progress);
        Assert.Equal(OptInState.InSession, simulated.Consent.State);
    }

    [Fact]
    public async Task Three_wrong_codes_for_ider_end_in_a_consent_error_and_leave_no_code_on_screen()
    {
        await using var simulated = await StartAsync(OptIn.RequiredAll);
        await using var device = TestDevices.Connect(simulated);
        var asked = new List<ConsentPrompt>();

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareConsentAsync(RedirectionKind.Ider, new ConsentPrepareOptions
        {
            ConsentCode = (prompt, _) =>
            {
                asked.Add(prompt);
                var code = simulated.Consent.DisplayedCode ?? "000000";
                return ValueTask.FromResult<string?>(code == "000000" ? "000001" : "000000");
            },
        }, Token));

        Assert.Equal(ConsentFailure.WrongCode, error.Failure);
        Assert.Contains("wrong consent code", error.Message, StringComparison.Ordinal);
        Assert.Equal([false, true, true], asked.Select(prompt => prompt.PreviousCodeWrong));
        Assert.All(asked, prompt => Assert.Equal(RedirectionKind.Ider, prompt.Session));
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
        Assert.Null(simulated.Consent.DisplayedCode);
    }

    [Fact]
    public async Task Under_the_kvm_policy_sol_and_ider_need_nothing_but_kvm_does()
    {
        await using var simulated = await StartAsync(OptIn.RequiredKvm);
        await using var device = TestDevices.Connect(simulated);
        var asked = 0;
        var options = new ConsentPrepareOptions
        {
            ConsentCode = (_, _) =>
            {
                asked++;
                return ValueTask.FromResult(simulated.Consent.DisplayedCode);
            },
        };

        var sol = await device.PrepareConsentAsync(RedirectionKind.Sol, options, Token);
        var ider = await device.PrepareConsentAsync(RedirectionKind.Ider, options, Token);
        Assert.Equal(0, asked);
        var kvm = await device.PrepareConsentAsync(RedirectionKind.Kvm, options, Token);

        Assert.False(sol.ConsentObtained);
        Assert.False(ider.ConsentObtained);
        Assert.Equal(ConsentPolicy.Kvm, sol.Consent?.Policy);
        Assert.True(kvm.ConsentObtained);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task A_host_that_is_off_is_powered_on_for_the_code_and_without_a_code_source_nothing_starts()
    {
        await using var simulated = await StartAsync(OptIn.RequiredAll, CimPowerState.Off);
        await using var device = TestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtConsentException>(() => device.PrepareConsentAsync(RedirectionKind.Sol, new ConsentPrepareOptions(), Token));
        var prepared = await device.PrepareConsentAsync(RedirectionKind.Ider, new ConsentPrepareOptions
        {
            ConsentCode = async (_, _) =>
            {
                await simulated.Host.WhenSettled;
                return simulated.Consent.DisplayedCode;
            },
        }, Token);

        Assert.Equal(ConsentFailure.NoCodeSource, error.Failure);
        Assert.Contains("serial-over-LAN needs user consent", error.Message, StringComparison.Ordinal);
        Assert.True(prepared.PoweredOn);
        Assert.Equal(CimPowerState.On, simulated.Host.PowerState);
    }
}
