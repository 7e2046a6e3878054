using System.Net;
using System.Text.Json;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt kvm HOST settings</c> against simulated devices on 127.0.162.1–250 only.</summary>
public sealed class KvmCommandTests
{
    private const string RfbPassword = "Rfb!pw42";
    private static int _next;

    [Fact]
    public async Task Settings_are_shown_as_a_table()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"KVM settings of {device.Address}:16992", result.Out, StringComparison.Ordinal);
        Assert.Contains("Default screen", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 (0 to 2)", result.Out, StringComparison.Ordinal);
        Assert.Contains("3 min", result.Out, StringComparison.Ordinal);
        Assert.Contains("required", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Settings_are_set_and_shown_as_json()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--default-screen", "1", "--session-timeout", "20", "--consent", "off", "--consent-timeout", "60", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("defaultScreen").GetInt32());
        Assert.Equal(20, root.GetProperty("sessionTimeoutMinutes").GetInt32());
        Assert.False(root.GetProperty("consent").GetBoolean());
        Assert.True(root.GetProperty("kvm").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("grayscaleSupported").ValueKind);
        Assert.Equal(1, device.Kvm.DefaultScreen);
        Assert.Equal(60, device.Kvm.OptInPolicyTimeout);
        Assert.Equal(OptIn.RequiredNone, device.Consent.Required);
    }

    [Fact]
    public async Task Port5900_takes_the_rfb_password_from_the_environment_and_never_prints_it()
    {
        using var harness = new CliHarness();
        harness.Variables["AMT_RFB_PASSWORD"] = RfbPassword;
        harness.AddSecret(RfbPassword);
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--port5900", "on", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("port5900").GetBoolean());
        Assert.Equal(RfbPassword, device.Kvm.RfbPassword);
        Assert.True(device.Kvm.Is5900PortEnabled);
    }

    [Fact]
    public async Task The_rfb_password_is_asked_for_at_a_terminal()
    {
        using var harness = new CliHarness();
        harness.AddSecret(RfbPassword);
        var prompts = new List<string>();
        harness.Terminal = prompt =>
        {
            prompts.Add(prompt);
            return RfbPassword;
        };
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--rfb-password");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(prompts, prompt => prompt.Contains("RFB password", StringComparison.Ordinal));
        Assert.Equal(RfbPassword, device.Kvm.RfbPassword);
        Assert.False(device.Kvm.Is5900PortEnabled);
    }

    [Fact]
    public async Task Port5900_without_a_terminal_or_the_variable_exits_2_and_changes_nothing()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--port5900", "on", "--session-timeout", "9");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("AMT_RFB_PASSWORD", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(device.Kvm.Is5900PortEnabled);
        Assert.Equal(3, device.Kvm.SessionTimeout);
    }

    [Fact]
    public async Task A_weak_rfb_password_exits_2_without_quoting_it()
    {
        using var harness = new CliHarness();
        harness.Variables["AMT_RFB_PASSWORD"] = "weakpass";
        harness.AddSecret("weakpass");
        await using var device = await StartAsync();

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--port5900", "on");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("upper-case", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Null(device.Kvm.RfbPassword);
    }

    [Fact]
    public async Task Port5900_on_amt16_is_a_device_error()
    {
        using var harness = new CliHarness();
        harness.Variables["AMT_RFB_PASSWORD"] = RfbPassword;
        harness.AddSecret(RfbPassword);
        await using var device = await StartAsync(FirmwareProfiles.Amt16);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--port5900", "on", "--tls", "--insecure");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("5900", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Null(device.Kvm.RfbPassword);
    }

    [Fact]
    public async Task A_third_screen_on_amt8_is_invalid_input()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(FirmwareProfiles.Amt8);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--default-screen", "2", "--protocol", "wsman");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("0 to 1 on AMT 8", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, device.Kvm.DefaultScreen);
    }

    [Fact]
    public async Task Disable_and_enable_switch_kvm()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();
        var host = device.Address.ToString();

        var disabled = await harness.RunAsync("kvm", host, "settings", "--disable");
        var stateAfterDisable = device.Redirection.KvmEnabled;
        var enabled = await harness.RunAsync("kvm", host, "settings", "--enable");

        Assert.Equal(ExitCodes.Success, disabled.ExitCode);
        Assert.False(stateAfterDisable);
        Assert.Equal(ExitCodes.Success, enabled.ExitCode);
        Assert.True(device.Redirection.KvmEnabled);
    }

    [Fact]
    public async Task A_device_that_does_not_answer_is_a_device_error()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("kvm", "127.0.162.250", "settings", "--timeout", "2");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
    }

    [Theory]
    [InlineData("--default-screen must be a whole number from 0 to 2, not '3'", "--default-screen", "3")]
    [InlineData("--session-timeout must be a whole number from 0 to 65535, not '-5'", "--session-timeout", "-5")]
    [InlineData("--consent-timeout must be a whole number from 0 to 65535, not 'soon'", "--consent-timeout", "soon")]
    [InlineData("unknown --consent value 'maybe'; choose one of: on, off", "--consent", "maybe")]
    [InlineData("unknown --port5900 value 'yes'; choose one of: on, off", "--port5900", "yes")]
    [InlineData("give --enable or --disable, not both", "--enable", "--disable")]
    [InlineData("--port5900 on cannot go with --disable", "--port5900", "on", "--disable")]
    public async Task Bad_settings_exit_2_with_one_line(string expected, params string[] options)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync(["kvm", "h", "settings", .. options], null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rfb_password_on_the_command_line_is_refused_without_repeating_it()
    {
        using var harness = new CliHarness();
        harness.AddSecret("Cmd!line9");

        var result = await harness.RunAsync("kvm", "h", "settings", "--rfb-password", "Cmd!line9");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("AMT_RFB_PASSWORD", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kvm_without_an_action_names_the_actions_and_settings()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("kvm", "h");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--screenshot", line, StringComparison.Ordinal);
        Assert.Contains("settings", line, StringComparison.Ordinal);
    }

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null)
    {
        var index = Interlocked.Increment(ref _next);
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 162, (byte)index }),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync();
        return device;
    }
}
