using System.Diagnostics;
using System.Text.Json;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests.Relay;

/// <summary><c>--via</c> and the config file's <c>via</c> lines, through a real OpenSSH server on loopback.</summary>
public sealed class RelayCommandTests(CliRelayFixture fixture) : IClassFixture<CliRelayFixture>
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Relay => fixture.Server.Target;

    /// <summary>A relay address on which nothing listens.</summary>
    private string DeadRelay => $"{SharpAmt.Testing.OpenSshServer.User}@{CliRelayFixture.NextAddress()}:{fixture.Server.Port}";

    [Fact]
    public async Task Info_works_through_the_relay()
    {
        using var harness = fixture.Harness();
        await using var device = await CliRelayFixture.StartDeviceAsync();

        var result = await harness.RunAsync("info", device.Address.ToString(), "--via", Relay, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal($"{device.Address}:16992", json.RootElement.GetProperty("endpoint").GetString());
        Assert.Equal(device.Identity.Uuid.ToString(), json.RootElement.GetProperty("uuid").GetString(), ignoreCase: true);
        Assert.Empty(result.Error);
        Assert.True(await fixture.Server.ForwardedAsync(device.Address, 16992, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task Power_status_and_an_action_work_through_the_relay()
    {
        using var harness = fixture.Harness();
        await using var device = await CliRelayFixture.StartDeviceAsync();

        var status = await harness.RunAsync("power", device.Address.ToString(), "status", "--via", Relay);
        var off = await harness.RunAsync("power", device.Address.ToString(), "off", "--via", Relay);

        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("Power state", status.Out, StringComparison.Ordinal);
        Assert.Contains("soft-reset", status.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, off.ExitCode);
        Assert.Contains("read afterwards: off", off.Out, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
        Assert.True(await fixture.Server.ForwardedAsync(device.Address, 16992, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task Tls_through_the_relay_pins_the_device_certificate()
    {
        using var harness = fixture.Harness();
        await using var device = await CliRelayFixture.StartDeviceAsync(FirmwareProfiles.Amt16);

        var result = await harness.RunAsync("power", device.Address.ToString(), "status", "--tls", "--via", Relay);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"amt: pinned {device.Address}:16993 certificate SHA-256 ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.True(await fixture.Server.ForwardedAsync(device.Address, 16993, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task The_config_file_names_the_relay_per_host_glob_and_the_first_match_wins()
    {
        using var harness = fixture.Harness();
        harness.Variables.Remove("AMT_SSH_CONFIG");
        await using var device = await CliRelayFixture.StartDeviceAsync();
        await File.WriteAllTextAsync(Path.Combine(harness.ConfigDirectory, "config"), $"""
            ssh-config = {fixture.Server.ClientConfig}
            via other-lab-* = {DeadRelay}
            via 127.0.60.* = {Relay}
            via = {DeadRelay}
            """, Ct);

        var result = await harness.RunAsync("power", device.Address.ToString(), "status");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(await fixture.Server.ForwardedAsync(device.Address, 16992, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task A_relative_ssh_config_in_the_config_file_is_found_beside_it()
    {
        using var harness = fixture.Harness();
        harness.Variables.Remove("AMT_SSH_CONFIG");
        await using var device = await CliRelayFixture.StartDeviceAsync();
        File.Copy(fixture.Server.ClientConfig, Path.Combine(harness.ConfigDirectory, "relay_ssh_config"));
        await File.WriteAllTextAsync(Path.Combine(harness.ConfigDirectory, "config"), $"ssh-config = relay_ssh_config\nvia = {Relay}\n", Ct);

        var result = await harness.RunAsync("info", device.Address.ToString());

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Theory]
    [InlineData("info", "HOST")]
    [InlineData("consent", "HOST", "start")]
    [InlineData("wsman", "HOST", "get", "AMT_GeneralSettings")]
    [InlineData("features", "HOST")]
    public void Every_device_command_takes_via(params string[] args)
    {
        var parse = AmtRootCommand.Instance.Parse([.. args, "--via", "ops@jump:2222"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("ops@jump:2222", parse.GetValue(CommonOptions.Via));
    }

    [Fact]
    public void Via_is_not_offered_where_nothing_connects() =>
        Assert.NotEmpty(AmtRootCommand.Instance.Parse(["password", "check", "--via", "jump"]).Errors);

    [Fact]
    public async Task Via_none_on_the_command_line_overrides_the_config_file()
    {
        using var harness = fixture.Harness();
        await using var device = await CliRelayFixture.StartDeviceAsync();
        await File.WriteAllTextAsync(Path.Combine(harness.ConfigDirectory, "config"), $"via = {DeadRelay}\n", Ct);

        var viaConfig = await harness.RunAsync("power", device.Address.ToString(), "status");
        var direct = await harness.RunAsync("power", device.Address.ToString(), "status", "--via", "none");

        Assert.Equal(ExitCodes.DeviceError, viaConfig.ExitCode);
        Assert.Equal(ExitCodes.Success, direct.ExitCode);
        Assert.False(await fixture.Server.ForwardedAsync(device.Address, 16992, Ct));
    }

    [Fact]
    public async Task A_relay_where_nothing_listens_is_one_line_and_exit_1_at_once()
    {
        using var harness = fixture.Harness();
        var relay = DeadRelay;
        var clock = Stopwatch.StartNew();

        var result = await harness.RunAsync("info", CliRelayFixture.NextAddress().ToString(), "--via", relay);

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Equal($"amt: ssh relay {relay}: Connection refused", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_key_the_relay_refuses_is_one_line_and_exit_1_at_once()
    {
        using var harness = fixture.Harness(fixture.Server.StrangerConfig);
        var clock = Stopwatch.StartNew();

        var result = await harness.RunAsync("power", CliRelayFixture.NextAddress().ToString(), "status", "--via", Relay);

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Equal($"amt: ssh relay {Relay}: Permission denied (publickey).", Assert.Single(result.ErrorLines));
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_device_port_closed_behind_the_relay_reads_like_a_direct_refusal()
    {
        using var harness = fixture.Harness();
        var closed = CliRelayFixture.NextAddress();

        var result = await harness.RunAsync("info", closed.ToString(), "--via", Relay, "--timeout", "5");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"amt: {closed}:16992: connection refused (is AMT enabled and listening?), through ssh relay {Relay}; gave up after 3 attempts", line, StringComparison.Ordinal);
        Assert.EndsWith("AMT 16.1 and later accept only TLS: try --tls", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin@@jump", "'admin@@jump' is not a relay: '@jump' is not a host name or address; expected [user@]relay[:port] or none")]
    [InlineData("jump:0", "'jump:0' is not a relay: port '0' is not a number from 1 to 65535; expected [user@]relay[:port] or none")]
    [InlineData("-oProxyCommand=sh", "'-oProxyCommand=sh' is not a relay: '-oProxyCommand=sh' is not a host name or address; expected [user@]relay[:port] or none")]
    [InlineData("", "'' is not a relay: it is empty; expected [user@]relay[:port] or none")]
    public async Task A_malformed_via_is_a_usage_error(string via, string reason)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("power", "127.0.60.199", "status", "--via", via);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"amt: --via {reason} (see: amt power --help)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_malformed_via_line_in_the_config_file_is_a_usage_error()
    {
        using var harness = new CliHarness();
        var config = Path.Combine(harness.ConfigDirectory, "config");
        await File.WriteAllTextAsync(config, "user = admin\nvia lab-* = jump:99999\n", Ct);

        var result = await harness.RunAsync("info", "lab-1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"amt: {config} line 2: via 'jump:99999' is not a relay: port '99999' is not a number from 1 to 65535; expected [user@]relay[:port] or none",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_missing_ssh_config_file_is_a_usage_error()
    {
        using var harness = new CliHarness();
        var missing = Path.Combine(harness.Root, "no-such-ssh-config");
        harness.Variables["AMT_SSH_CONFIG"] = missing;

        var result = await harness.RunAsync("info", "127.0.60.199", "--via", "jump");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"amt: ssh config file {missing} (from AMT_SSH_CONFIG) does not exist", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Help_explains_via_and_the_ssh_config()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("info", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("--via <[USER@]RELAY[:PORT]>", result.Out, StringComparison.Ordinal);
        Assert.Contains("AMT_SSH_CONFIG", result.Out, StringComparison.Ordinal);
    }
}
