using System.Text.Json;
using Xunit;

namespace SharpAmt.Cli.Tests;

public sealed class FeaturesCommandTests
{
    [Fact]
    public async Task Features_are_shown_and_set()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();

        var shown = await harness.RunAsync("features", host);
        var set = await harness.RunAsync("features", host, "--sol", "off", "--kvm", "off", "--json");

        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Contains("Redirection listener", shown.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, set.ExitCode);
        Assert.False(device.Redirection.SolEnabled);
        Assert.False(device.Redirection.KvmEnabled);
        Assert.True(device.Redirection.IderEnabled);
        using var json = JsonDocument.Parse(set.Out);
        Assert.False(json.RootElement.GetProperty("sol").GetBoolean());
        Assert.False(json.RootElement.GetProperty("kvm").GetBoolean());
        Assert.True(json.RootElement.GetProperty("ider").GetBoolean());
        Assert.True(json.RootElement.GetProperty("redirectionListener").GetBoolean());
        Assert.Empty(set.Error);
    }

    [Fact]
    public async Task Turning_the_listener_off_with_features_on_gives_a_hint_and_changes_nothing_else()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();

        var result = await harness.RunAsync("features", host, "--redirection", "off");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(device.Redirection.ListenerEnabled);
        Assert.True(device.Redirection.SolEnabled);
        var hint = Assert.Single(result.ErrorLines);
        Assert.Equal($"amt: hint: the redirection listener is off, so enabled features cannot be used; turn it on with: amt features {host} --redirection on", hint);
    }
}
