using System.Text.Json;
using SharpAmt.WsMan.Amt;
using Xunit;
using SimulatedConsentState = SharpAmt.WsMan.Amt.OptInState;

namespace SharpAmt.Cli.Tests;

public sealed class ConsentCommandTests
{
    [Fact]
    public async Task Start_then_the_displayed_code_grants_consent_and_cancel_withdraws_it()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();

        var start = await harness.RunAsync("consent", host, "start");
        var code = device.Consent.DisplayedCode;
        Assert.NotNull(code);
        var sent = await harness.RunAsync("consent", host, "code", code);
        var status = await harness.RunAsync("consent", host, "status", "--json");
        var cancel = await harness.RunAsync("consent", host, "cancel");

        Assert.Equal(ExitCodes.Success, start.ExitCode);
        Assert.Contains($"amt consent {host} code NNNNNN", start.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, sent.ExitCode);
        Assert.Contains("Consent granted", sent.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal("granted", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("kvm", json.RootElement.GetProperty("policy").GetString());
        Assert.Equal(ExitCodes.Success, cancel.ExitCode);
        Assert.Equal(SimulatedConsentState.NotStarted, device.Consent.State);
    }

    [Fact]
    public async Task A_wrong_code_is_a_device_error()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();
        await harness.RunAsync("consent", host, "start");
        var wrong = device.Consent.DisplayedCode == "000000" ? "111111" : "000000";

        var result = await harness.RunAsync("consent", host, "code", wrong);

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("wrong consent code", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_is_set()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("consent", device.Address.ToString(), "policy", "all");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(OptIn.RequiredAll, device.Consent.Required);
        Assert.Contains("all (consent needed for every redirection)", result.Out, StringComparison.Ordinal);
    }
}
