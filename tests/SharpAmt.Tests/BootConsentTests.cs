using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// Boots to BIOS setup, IDE-R or with SOL on a device in client control mode: refused before anything changes while
/// consent is missing (firmware would silently boot as usual), done once consent is granted. Addresses 127.0.218.1–100.
/// </summary>
public sealed class BootConsentTests
{
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<SimulatedDevice> StartAsync()
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 100)
        {
            throw new InvalidOperationException("the boot consent tests ran out of addresses in 127.0.218.1-100");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 218, (byte)index }),
            Firmware = FirmwareProfiles.Amt12,
            ControlMode = Simulator.ControlMode.Client,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(Token);
        return device;
    }

    [Theory]
    [InlineData(BootTarget.BiosSetup, false)]
    [InlineData(BootTarget.IderCd, false)]
    [InlineData(BootTarget.Default, true)]
    public async Task A_redirected_boot_without_consent_is_refused_before_anything_changes(BootTarget target, bool sol)
    {
        await using var simulated = await StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var boots = simulated.Host.BootHistory.Count;

        var refused = await Assert.ThrowsAsync<AmtConsentException>(() => device.BootAsync(new BootRequest(target, PowerAction.Reset, sol), Token));

        Assert.Equal(ConsentFailure.NotGranted, refused.Failure);
        Assert.Contains("needs user consent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(boots, simulated.Host.BootHistory.Count);
        Assert.True(simulated.Host.Boot.OptionsCleared);
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
    }

    [Fact]
    public async Task With_consent_prepared_the_host_boots_to_bios_setup()
    {
        await using var simulated = await StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var prompts = new List<ConsentPrompt>();

        var prepared = await device.PrepareConsentAsync(RedirectionKind.RedirectedBoot, new ConsentPrepareOptions
        {
            ConsentCode = (prompt, _) =>
            {
                prompts.Add(prompt);
                return ValueTask.FromResult(simulated.Consent.DisplayedCode);
            },
        }, Token);
        var result = await device.BootAsync(new BootRequest(BootTarget.BiosSetup, PowerAction.Reset), Token);

        Assert.True(prepared.ConsentObtained);
        Assert.Equal(RedirectionKind.RedirectedBoot, Assert.Single(prompts).Session);
        Assert.True(result.Requested);
        Assert.Equal(Simulator.Host.BootDevice.BiosSetup, simulated.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task Boots_that_redirect_nothing_need_no_consent()
    {
        await using var simulated = await StartAsync();
        await using var device = TestDevices.Connect(simulated);

        var result = await device.BootAsync(new BootRequest(BootTarget.Pxe, PowerAction.Reset), Token);

        Assert.True(result.Requested);
        Assert.Equal(OptInState.NotStarted, simulated.Consent.State);
        Assert.Equal(Simulator.Host.BootDevice.Pxe, simulated.Host.LastBoot!.Device);
    }
}
