using SharpAmt.Simulator.Firmware;
using Xunit;

namespace SharpAmt.Tests;

public sealed class FeatureTests
{
    [Fact]
    public async Task Features_are_read_and_set_and_the_device_follows()
    {
        await using var simulated = await TestDevices.StartAsync();
        await using var device = TestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var initial = await device.GetRedirectionFeaturesAsync(cancellation);
        Assert.Equal(new RedirectionFeatures(true, true, true, true), initial);

        var changed = await device.SetRedirectionFeaturesAsync(new RedirectionFeatureChange(Listener: false, Sol: false, Kvm: false), cancellation);

        Assert.Equal(new RedirectionFeatures(false, false, true, false), changed);
        Assert.False(simulated.Redirection.ListenerEnabled);
        Assert.False(simulated.Redirection.SolEnabled);
        Assert.True(simulated.Redirection.IderEnabled);
        Assert.False(simulated.Redirection.KvmEnabled);
        Assert.Equal(32769, simulated.Redirection.EnabledState);

        await device.SetRedirectionFeaturesAsync(new RedirectionFeatureChange(Listener: true, Sol: true, Ider: false, Kvm: true), cancellation);
        Assert.True(simulated.Redirection.ListenerEnabled);
        Assert.True(simulated.Redirection.SolEnabled);
        Assert.False(simulated.Redirection.IderEnabled);
        Assert.True(simulated.Redirection.KvmEnabled);
    }

    [Fact]
    public async Task Tls_only_firmware_ships_with_the_listener_off()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        await using var device = TestDevices.Connect(simulated, tls: true);

        var features = await device.GetRedirectionFeaturesAsync(TestContext.Current.CancellationToken);

        Assert.False(features.Listener);
    }
}
