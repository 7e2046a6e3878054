using System.Net;
using System.Text.Json;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// amt net shows and amt net set --ipv6 changes IPv6 of the wired interface over WS-Management, in the table and
/// in JSON; before AMT 6 it is not offered and nothing is sent. Devices live on 127.0.85.100–149 only.
/// </summary>
public sealed class NetIpv6CommandTests
{
    private static int _next;

    [Fact]
    public async Task Net_shows_ipv6_and_set_turns_it_on_and_off()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync("12.0.67");
        var host = device.Address.ToString();

        var shown = await harness.RunAsync("net", host);
        var on = await harness.RunAsync("net", host, "set", "--ipv6", "on");
        var enabled = device.Ipv6.Enabled;
        var shownOn = await harness.RunAsync("net", host);
        var off = await harness.RunAsync("net", host, "set", "--ipv6", "off");

        Assert.All([shown, on, shownOn, off], result => Assert.Equal(ExitCodes.Success, result.ExitCode));
        Assert.Equal("off", NetCommandTests.Rows(shown.Out)["IPv6"]);
        Assert.True(enabled);
        Assert.Equal("on", NetCommandTests.Rows(on.Out)["IPv6"]);
        Assert.Equal("on", NetCommandTests.Rows(shownOn.Out)["IPv6"]);
        Assert.Equal("off", NetCommandTests.Rows(off.Out)["IPv6"]);
        Assert.False(device.Ipv6.Enabled);
    }

    [Fact]
    public async Task Net_json_has_ipv6_over_tls()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync("16.1.25");
        var host = device.Address.ToString();

        var set = await harness.RunAsync("net", host, "set", "--ipv6", "on", "--tls", "--insecure", "--json");
        var shown = await harness.RunAsync("net", host, "--tls", "--insecure", "--json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (set.ExitCode, shown.ExitCode));
        Assert.True(device.Ipv6.Enabled);
        using var setJson = JsonDocument.Parse(set.Out);
        using var shownJson = JsonDocument.Parse(shown.Out);
        Assert.True(setJson.RootElement.GetProperty("ipv6").GetBoolean());
        Assert.True(shownJson.RootElement.GetProperty("ipv6").GetBoolean());
        Assert.Equal($"{host}:16993", shownJson.RootElement.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Before_amt_6_ipv6_is_not_offered_and_set_exits_1_changing_nothing()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync("5.2.70");
        var host = device.Address.ToString();
        var state = NetTestDevices.State(device);
        var settings = NetTestDevices.RecordSettings(device);

        var shown = await harness.RunAsync("net", host, "--protocol", "wsman", "--json");
        var set = await harness.RunAsync("net", host, "set", "--ipv6", "on", "--hostname", "renamed", "--protocol", "wsman");

        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        using var json = JsonDocument.Parse(shown.Out);
        Assert.Equal("wsman", json.RootElement.GetProperty("protocol").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ipv6").ValueKind);
        Assert.Equal(ExitCodes.DeviceError, set.ExitCode);
        Assert.Equal($"amt: {host}:16992: IPv6 is not offered by this device (it needs AMT 6 or later); nothing was changed", Assert.Single(set.ErrorLines));
        Assert.Empty(set.Out);
        Assert.Empty(settings());
        Assert.Equal(state, NetTestDevices.State(device));
    }

    [Fact]
    public async Task Set_gives_and_removes_manual_ipv6_addresses()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync("8.1.71");
        var host = device.Address.ToString();

        var set = await harness.RunAsync("net", host, "set", "--ipv6-address", "2001:DB8::5", "--ipv6-router", "fe80::1", "--ipv6-dns1", "2001:db8::53");
        var removed = await harness.RunAsync("net", host, "set", "--ipv6-address", "none", "--json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (set.ExitCode, removed.ExitCode));
        var rows = NetCommandTests.Rows(set.Out);
        Assert.Equal(
            ["2001:db8::5", "fe80::1", "2001:db8::53", "none"],
            new[] { "IPv6 address", "IPv6 router", "IPv6 DNS 1", "IPv6 DNS 2" }.Select(name => rows[name]));
        using var json = JsonDocument.Parse(removed.Out);
        Assert.Equal("::", json.RootElement.GetProperty("ipv6Address").GetString());
        Assert.Equal("fe80::1", json.RootElement.GetProperty("ipv6Router").GetString());
        Assert.Equal(("", "fe80::1", "2001:db8::53", ""), (device.Ipv6.ManualAddress, device.Ipv6.DefaultRouter, device.Ipv6.PrimaryDns, device.Ipv6.SecondaryDns));
    }

    [Theory]
    [InlineData("--ipv6-address '192.0.2.5' is not an IPv6 address (or none)", "--ipv6-address", "192.0.2.5")]
    [InlineData("--ipv6-dns1 'fe80::1%eth0' is not an IPv6 address (or none)", "--ipv6-dns1", "fe80::1%eth0")]
    [InlineData("--ipv6-router '2001:db8::/64' is not an IPv6 address (or none)", "--ipv6-router", "2001:db8::/64")]
    [InlineData("IPv6 address fe80::5 is a link-local address, which the ME forms itself", "--ipv6-address", "fe80::5", "--ipv6", "on")]
    [InlineData("IPv6 DNS 2 ff02::1 is a multicast address", "--ipv6-dns2", "ff02::1")]
    public async Task A_bad_manual_ipv6_value_exits_2_and_changes_nothing(string expected, params string[] options)
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync("12.0.67");
        var state = NetTestDevices.State(device);
        var settings = NetTestDevices.RecordSettings(device);

        var result = await harness.RunAsync(["net", device.Address.ToString(), "set", .. options], output: null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amt: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Empty(settings());
        Assert.Equal(state, NetTestDevices.State(device));
        Assert.Equal("", device.Ipv6.ManualAddress);
    }

    private static async Task<SimulatedDevice> StartAsync(string firmware)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 50)
        {
            throw new InvalidOperationException("the amt net IPv6 tests ran out of addresses in 127.0.85.100-149");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 85, (byte)(99 + index) }),
            Firmware = FirmwareProfiles.Find(firmware)!,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }
}
