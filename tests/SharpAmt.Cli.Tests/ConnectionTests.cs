using System.Diagnostics;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>Where passwords come from, how hosts are named, and how connection failures are reported.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task A_wrong_password_is_one_line_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        harness.Variables["AMT_PASSWORD"] = "Wrong-Password-99";
        harness.AddSecret("Wrong-Password-99");

        var result = await harness.RunAsync("info", device.Address.ToString());

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"amt: {device.Address}:16992: authentication failed for user 'admin': wrong user name or password, or the account is locked after repeated failures", line);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_but_never_the_password()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        harness.Variables["AMT_PASSWORD"] = "Wrong-Password-98";
        harness.AddSecret("Wrong-Password-98");

        var result = await harness.RunAsync("info", device.Address.ToString(), "--verbose");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.StartsWith("amt: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("AmtAuthenticationException", result.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_fails_within_the_timeout()
    {
        using var harness = new CliHarness();
        var unused = TestDevices.NextAddress().ToString();
        var clock = Stopwatch.StartNew();

        var result = await harness.RunAsync("info", unused, "--timeout", "1");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"amt: {unused}:16992: ", line, StringComparison.Ordinal);
        Assert.EndsWith("AMT 16.1 and later accept only TLS: try --tls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_password_source_amt_explains_the_three_ways()
    {
        using var harness = new CliHarness();
        harness.Variables.Remove("AMT_PASSWORD");

        var result = await harness.RunAsync("power", "127.0.20.250", "status");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("no password for admin@127.0.20.250", line, StringComparison.Ordinal);
        Assert.Contains("AMT_PASSWORD", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(harness.ConfigDirectory, "credentials"), line, StringComparison.Ordinal);
        Assert.Contains("terminal", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credentials_file_readable_by_others_is_refused()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are a Unix notion");
        using var harness = new CliHarness();
        harness.Variables.Remove("AMT_PASSWORD");
        var path = WriteCredentials(harness, $"* admin:{CliHarness.Password}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await harness.RunAsync("info", "127.0.20.250");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {path}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_matching_credentials_line_wins()
    {
        using var harness = new CliHarness();
        harness.Variables.Remove("AMT_PASSWORD");
        await using var device = await TestDevices.StartAsync();
        harness.AddSecret("Not-This-One-11");
        WriteCredentials(harness, $"# devices of this test\nother-host admin:Not-This-One-11\n127.0.20.* admin:{CliHarness.Password}\n* admin:Not-This-One-11\n",
            UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await harness.RunAsync("power", device.Address.ToString(), "status");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task A_bare_name_goes_through_the_host_template_from_the_config_file()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var bare = device.Address.GetAddressBytes()[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var config = Path.Combine(harness.Root, "amt.conf");
        await File.WriteAllTextAsync(config, "# site defaults\nhost-template = 127.0.20.{host}\nuser = admin\ntimeout = 5\n", TestContext.Current.CancellationToken);
        harness.Variables["AMT_CONFIG"] = config;

        var result = await harness.RunAsync("info", bare, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"\"endpoint\": \"{device.Address}:16992\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_template_overrides_the_config_file_and_never_touches_full_names()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var bare = device.Address.GetAddressBytes()[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(harness.ConfigDirectory, "config"), "host-template = {host}-bmc.invalid\n", TestContext.Current.CancellationToken);
        harness.Variables["AMT_HOST_TEMPLATE"] = "127.0.20.{host}";

        var templated = await harness.RunAsync("power", bare, "status");
        var literal = await harness.RunAsync("power", device.Address.ToString(), "status");

        Assert.Equal(ExitCodes.Success, templated.ExitCode);
        Assert.Contains($"{device.Address}:16992", templated.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, literal.ExitCode);
    }

    [Fact]
    public async Task An_unknown_config_key_is_a_usage_error()
    {
        using var harness = new CliHarness();
        await File.WriteAllTextAsync(Path.Combine(harness.ConfigDirectory, "config"), "host-templat = {host}-bmc\n", TestContext.Current.CancellationToken);

        var result = await harness.RunAsync("info", "127.0.20.250");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("line 1: unknown key 'host-templat'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_certificate_is_refused_showing_both_fingerprints()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        var endpoint = $"{device.Address}:16993";
        var pinned = string.Join(':', Enumerable.Repeat("AB", 32));
        await File.WriteAllTextAsync(harness.KnownHostsPath, $"{endpoint} sha256 {pinned}\n", TestContext.Current.CancellationToken);

        var result = await harness.RunAsync("info", device.Address.ToString(), "--tls");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        var presented = CertificateFingerprint.Sha256(device.TlsCertificate);
        Assert.Contains($"{endpoint}: TLS certificate changed: pinned SHA-256 {pinned}, device presents {presented}", line, StringComparison.Ordinal);
        Assert.Contains(harness.KnownHostsPath, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insecure_accepts_any_certificate_without_pinning()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        await File.WriteAllTextAsync(harness.KnownHostsPath, $"{device.Address}:16993 sha256 {string.Join(':', Enumerable.Repeat("CD", 32))}\n", TestContext.Current.CancellationToken);

        var result = await harness.RunAsync("power", device.Address.ToString(), "status", "--tls", "--insecure");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Ca_trusts_certificates_of_the_given_authorities_only()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        await using var stranger = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        var authority = Path.Combine(harness.Root, "ca.pem");
        await File.WriteAllTextAsync(authority, device.TlsCertificate.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var trusted = await harness.RunAsync("power", device.Address.ToString(), "status", "--tls", "--ca", authority);
        var untrusted = await harness.RunAsync("power", stranger.Address.ToString(), "status", "--tls", "--ca", authority);

        Assert.Equal(ExitCodes.Success, trusted.ExitCode);
        Assert.Empty(trusted.Error);
        Assert.False(File.Exists(harness.KnownHostsPath) && File.ReadAllText(harness.KnownHostsPath).Contains(" sha256 ", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.DeviceError, untrusted.ExitCode);
        Assert.Contains("by a trusted authority", Assert.Single(untrusted.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insecure_without_tls_is_a_usage_error()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("info", "127.0.20.250", "--insecure");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--insecure applies only to TLS connections; add --tls", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static string WriteCredentials(CliHarness harness, string text, UnixFileMode mode)
    {
        var path = Path.Combine(harness.ConfigDirectory, "credentials");
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }
}
