using System.Text.Json;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Cli.Tests;

public sealed class InfoCommandTests
{
    [Fact]
    public async Task Info_shows_firmware_identity_control_mode_and_power_as_a_table()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("info", device.Address.ToString());

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("AMT 12.0.67.1579 (from CIM_SoftwareIdentity)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Intel(R) Active Management Technology 12.0.67.1579", result.Out, StringComparison.Ordinal);
        Assert.Contains(device.General.HostName + ".sim.lan", result.Out, StringComparison.Ordinal);
        Assert.Contains(device.Identity.Realm, result.Out, StringComparison.Ordinal);
        Assert.Contains(device.Identity.Uuid.ToString(), result.Out, StringComparison.Ordinal);
        Assert.Contains("admin control mode (ACM)", result.Out, StringComparison.Ordinal);
        Assert.Contains("reset, off, cycle", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_json_has_stable_camel_case_names()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(FirmwareProfiles.Amt11);

        var result = await harness.RunAsync("info", device.Address.ToString(), "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal($"{device.Address}:16992", root.GetProperty("endpoint").GetString());
        Assert.Equal("11.8.50.3425", root.GetProperty("firmware").GetProperty("version").GetString());
        Assert.Equal("CIM_SoftwareIdentity", root.GetProperty("firmware").GetProperty("source").GetString());
        Assert.Equal(device.Identity.Realm, root.GetProperty("digestRealm").GetString());
        Assert.Equal(device.General.HostName, root.GetProperty("hostName").GetString());
        Assert.Equal("sim.lan", root.GetProperty("domainName").GetString());
        Assert.Equal(device.Identity.Uuid.ToString(), root.GetProperty("uuid").GetString());
        Assert.Equal("admin", root.GetProperty("controlMode").GetString());
        Assert.Equal("on", root.GetProperty("power").GetProperty("state").GetString());
        Assert.Contains("reset", root.GetProperty("power").GetProperty("availableActions").EnumerateArray().Select(action => action.GetString()));
    }

    [Fact]
    public async Task Info_reads_a_tls_only_device_over_tls_and_pins_its_certificate_once()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        var endpoint = $"{device.Address}:16993";

        var first = await harness.RunAsync("info", device.Address.ToString(), "--tls");
        var second = await harness.RunAsync("info", device.Address.ToString(), "--tls");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var pinned = Assert.Single(first.ErrorLines);
        var fingerprint = CertificateFingerprint.Sha256(device.TlsCertificate);
        Assert.Equal($"amt: pinned {endpoint} certificate SHA-256 {fingerprint} in {harness.KnownHostsPath}", pinned);
        Assert.Contains("AMT 16.1.25.2124", first.Out, StringComparison.Ordinal);
        Assert.Contains($"{endpoint} sha256 {fingerprint}\n", await File.ReadAllTextAsync(harness.KnownHostsPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Empty(second.Error);
    }
}
