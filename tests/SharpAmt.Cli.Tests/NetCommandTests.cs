using System.Net;
using System.Text.Json;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// amt net HOST and amt net HOST set: the table and JSON, changes reaching the device, usage errors (exit 2)
/// and device refusals (exit 1) that send no change, and the notice when the ME moves. CliHarness checks every
/// run for the password.
/// </summary>
public sealed class NetCommandTests
{
    private static readonly string[] JsonFields =
    [
        "endpoint", "protocol", "hostName", "domainName", "sharedFqdn", "dynamicDns", "pingResponse", "rmcpPingResponse",
        "macAddress", "macMode", "addressMode", "dhcp", "address", "subnetMask", "gateway", "primaryDns", "secondaryDns",
        "linkPolicy", "linkUp", "ipSync", "vlanTag", "ipv6", "ipv6Address", "ipv6Router", "ipv6PrimaryDns", "ipv6SecondaryDns", "movedTo",
    ];

    [Fact]
    public async Task Net_shows_a_static_configuration_as_a_table()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync(isStatic: true);
        lock (device.Sync)
        {
            device.General.HostName = "lab-7";
            device.General.DomainName = "corp.example";
            device.General.SharedFqdn = false;
            device.General.DynamicDnsUpdateEnabled = true;
            device.General.RmcpPingResponseEnabled = false;
            device.Wired.PrimaryDns = IPAddress.Parse("192.0.2.53");
            device.Wired.LinkPolicy = 0x01 | 0x0E | 0x10;
            device.Wired.LinkIsUp = false;
        }

        var host = device.Address.ToString();

        var result = await harness.RunAsync("net", host);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.StartsWith($"Network settings of {host}:16992 (WS-Management)\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Host name"] = "lab-7",
                ["Domain"] = "corp.example",
                ["Shared FQDN"] = "off",
                ["Dynamic DNS"] = "on",
                ["MAC address"] = $"{device.Identity.MacAddressText} (shared)",
                ["Address mode"] = "dedicated",
                ["DHCP"] = "off",
                ["IPv4 address"] = host,
                ["Subnet mask"] = "255.255.255.0",
                ["Gateway"] = "0.0.0.0",
                ["DNS 1"] = "192.0.2.53",
                ["DNS 2"] = "0.0.0.0",
                ["Link policy"] = "s0-ac,sx-ac,s0-dc",
                ["Link"] = "down",
                ["IP sync"] = "on",
                ["VLAN"] = "not offered",
                ["IPv6"] = "off",
                ["IPv6 address"] = "none",
                ["IPv6 router"] = "none",
                ["IPv6 DNS 1"] = "none",
                ["IPv6 DNS 2"] = "none",
                ["Ping response"] = "on",
                ["RMCP ping response"] = "off",
            },
            Rows(result.Out));
    }

    [Fact]
    public async Task Net_shows_what_an_older_generation_does_not_offer()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync("6.2.61");

        var result = await harness.RunAsync("net", device.Address.ToString());

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var rows = Rows(result.Out);
        Assert.Equal("on", rows["DHCP"]);
        Assert.Equal(device.Address.ToString(), rows["IPv4 address"]);
        Assert.Equal("not offered", rows["IP sync"]);
        Assert.Equal(device.General.HostName, rows["Host name"]);
    }

    [Fact]
    public async Task Net_json_has_stable_names_and_the_device_values()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        lock (device.Sync)
        {
            device.Wired.VlanTag = 12;
            device.Wired.SharedStaticIp = true;
        }

        var result = await harness.RunAsync("net", device.Address.ToString(), "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(JsonFields, root.EnumerateObject().Select(property => property.Name));
        Assert.Equal($"{device.Address}:16992", root.GetProperty("endpoint").GetString());
        Assert.Equal("wsman", root.GetProperty("protocol").GetString());
        Assert.Equal(device.General.HostName, root.GetProperty("hostName").GetString());
        Assert.Equal("sim.lan", root.GetProperty("domainName").GetString());
        Assert.True(root.GetProperty("sharedFqdn").GetBoolean());
        Assert.False(root.GetProperty("dynamicDns").GetBoolean());
        Assert.True(root.GetProperty("pingResponse").GetBoolean());
        Assert.True(root.GetProperty("rmcpPingResponse").GetBoolean());
        Assert.Equal(device.Identity.MacAddressText, root.GetProperty("macAddress").GetString());
        Assert.Equal("shared", root.GetProperty("macMode").GetString());
        Assert.Equal("shared", root.GetProperty("addressMode").GetString());
        Assert.True(root.GetProperty("dhcp").GetBoolean());
        Assert.Equal(device.Address.ToString(), root.GetProperty("address").GetString());
        Assert.Equal("255.0.0.0", root.GetProperty("subnetMask").GetString());
        Assert.Equal("127.0.0.1", root.GetProperty("gateway").GetString());
        Assert.Equal("127.0.0.1", root.GetProperty("primaryDns").GetString());
        Assert.Equal("0.0.0.0", root.GetProperty("secondaryDns").GetString());
        Assert.Equal("s0-ac,sx-ac", root.GetProperty("linkPolicy").GetString());
        Assert.True(root.GetProperty("linkUp").GetBoolean());
        Assert.True(root.GetProperty("ipSync").GetBoolean());
        Assert.Equal(12, root.GetProperty("vlanTag").GetInt32());
        Assert.False(root.GetProperty("ipv6").GetBoolean());
        Assert.Equal("::", root.GetProperty("ipv6Address").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("movedTo").ValueKind);
    }

    [Fact]
    public async Task Set_changes_names_responses_and_the_interface_and_shows_the_result()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        var host = device.Address.ToString();

        var result = await harness.RunAsync(
            "net", host, "set", "--hostname", "lab-9", "--domain", "corp.example", "--shared-fqdn", "off", "--ddns", "on", "--ping", "off",
            "--rmcp-ping", "off", "--dns1", "192.0.2.53", "--dns2", "198.51.100.53", "--link-policy", "all", "--address", "shared", "--ip-sync", "off",
            "--mac", "shared", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Equal("lab-9", device.General.HostName);
        Assert.Equal("corp.example", device.General.DomainName);
        Assert.False(device.General.SharedFqdn);
        Assert.True(device.General.DynamicDnsUpdateEnabled);
        Assert.False(device.General.PingResponseEnabled);
        Assert.False(device.General.RmcpPingResponseEnabled);
        Assert.Equal(IPAddress.Parse("192.0.2.53"), device.Wired.PrimaryDns);
        Assert.Equal(IPAddress.Parse("198.51.100.53"), device.Wired.SecondaryDns);
        Assert.Equal(0xFF, device.Wired.LinkPolicy);
        Assert.True(device.Wired.SharedStaticIp);
        Assert.False(device.Wired.IpSyncEnabled);
        Assert.True(device.Wired.DhcpEnabled);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("lab-9", root.GetProperty("hostName").GetString());
        Assert.Equal("corp.example", root.GetProperty("domainName").GetString());
        Assert.False(root.GetProperty("sharedFqdn").GetBoolean());
        Assert.True(root.GetProperty("dynamicDns").GetBoolean());
        Assert.False(root.GetProperty("pingResponse").GetBoolean());
        Assert.False(root.GetProperty("rmcpPingResponse").GetBoolean());
        Assert.Equal("192.0.2.53", root.GetProperty("primaryDns").GetString());
        Assert.Equal("198.51.100.53", root.GetProperty("secondaryDns").GetString());
        Assert.Equal("s0-ac,sx-ac,s0-dc,sx-dc", root.GetProperty("linkPolicy").GetString());
        Assert.Equal("shared", root.GetProperty("addressMode").GetString());
        Assert.False(root.GetProperty("ipSync").GetBoolean());
        Assert.True(root.GetProperty("dhcp").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("movedTo").ValueKind);
    }

    [Fact]
    public async Task Set_turns_a_dhcp_device_static_at_its_address_and_prints_the_table()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        var host = device.Address.ToString();

        var result = await harness.RunAsync("net", host, "set", "--ip", host + "/24", "--gateway", "0.0.0.0", "--address", "dedicated");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        var rows = Rows(result.Out);
        Assert.Equal("off", rows["DHCP"]);
        Assert.Equal(host, rows["IPv4 address"]);
        Assert.Equal("255.255.255.0", rows["Subnet mask"]);
        Assert.Equal("0.0.0.0", rows["Gateway"]);
        Assert.False(device.Wired.DhcpEnabled);
        Assert.Equal(device.Address, device.Wired.StaticAddress);
        Assert.Equal(IPAddress.Parse("255.255.255.0"), device.Wired.SubnetMask);
        Assert.Equal(device.Options.Address, device.Address);
    }

    [Fact]
    public async Task Set_over_tls_on_a_tls_only_device()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync("16.1.25");

        var result = await harness.RunAsync("net", device.Address.ToString(), "set", "--tls", "--hostname", "secure-1", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"amt: pinned {device.Address}:16993 certificate", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("secure-1", device.General.HostName);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("secure-1", json.RootElement.GetProperty("hostName").GetString());
        Assert.Equal($"{device.Address}:16993", json.RootElement.GetProperty("endpoint").GetString());
    }

    [Theory]
    [InlineData("--ip '10.1' is not an IPv4 address (A.B.C.D)", "--ip", "10.1")]
    [InlineData("--ip '010.0.0.1' is not an IPv4 address (A.B.C.D)", "--ip", "010.0.0.1")]
    [InlineData("--ip '1.2.3.4.5' is not an IPv4 address", "--ip", "1.2.3.4.5")]
    [InlineData("--ip '10.0.0.5/31' is not an IPv4 address with a prefix length of 1 to 30", "--ip", "10.0.0.5/31")]
    [InlineData("--ip '10.0.0.5/32' is not an IPv4 address with a prefix length of 1 to 30", "--ip", "10.0.0.5/32")]
    [InlineData("--ip '10.0.0.5/0' is not an IPv4 address with a prefix length", "--ip", "10.0.0.5/0")]
    [InlineData("--ip '10.0.0.5/' is not an IPv4 address with a prefix length", "--ip", "10.0.0.5/")]
    [InlineData("--ip '10.0.0.5/2x' is not an IPv4 address with a prefix length", "--ip", "10.0.0.5/2x")]
    [InlineData("--mask '255.255.255' is not an IPv4 address (A.B.C.D)", "--mask", "255.255.255")]
    [InlineData("--mask '255.255.255.0/24' is not an IPv4 address (A.B.C.D)", "--mask", "255.255.255.0/24")]
    [InlineData("--gateway '10.0.0.256' is not an IPv4 address", "--gateway", "10.0.0.256")]
    [InlineData("--dns1 '::1' is not an IPv4 address", "--dns1", "::1")]
    [InlineData("--dns2 'dns.example' is not an IPv4 address", "--dns2", "dns.example")]
    [InlineData("--vlan must be a tag from 1 to 4094 or off, not '0'", "--vlan", "0")]
    [InlineData("--vlan must be a tag from 1 to 4094 or off, not '4095'", "--vlan", "4095")]
    [InlineData("--vlan must be a tag from 1 to 4094 or off, not 'ten'", "--vlan", "ten")]
    [InlineData("unknown link policy 'sometimes'; use a comma-separated list of s0-ac, sx-ac, s0-dc, sx-dc, or all, none", "--link-policy", "sometimes")]
    [InlineData("unknown --dhcp value 'maybe'; choose one of: on, off", "--dhcp", "maybe")]
    [InlineData("unknown --ping value 'true'; choose one of: on, off", "--ping", "true")]
    [InlineData("unknown MAC mode 'both'; choose one of: shared, dedicated", "--mac", "both")]
    [InlineData("unknown address mode 'true'; choose one of: shared, dedicated", "--address", "true")]
    [InlineData("nothing to change; give at least one setting (see: amt net set --help)")]
    [InlineData("nothing to change; give at least one setting", "--force")]
    [InlineData("nothing to change; give at least one setting", "--json")]
    [InlineData("nothing to change; give at least one setting", "--timeout", "5")]
    [InlineData("nothing to change; give at least one setting", "--user", "admin", "--force", "--json")]
    [InlineData("give the mask either as --ip A.B.C.D/NN or with --mask, not both", "--ip", "10.0.0.5/24", "--mask", "255.255.0.0")]
    public async Task A_usage_error_exits_2_before_anything_is_sent(string expected, params string[] options)
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        var state = NetTestDevices.State(device);

        var result = await harness.RunAsync(["net", device.Address.ToString(), "set", .. options], output: null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amt: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(0, device.RequestCount);
        Assert.Equal(state, NetTestDevices.State(device));
    }

    [Theory]
    [InlineData("host name '-lab' must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen", false, "--hostname", "-lab")]
    [InlineData("domain name 'corp..example' must be dot-separated labels", false, "--domain", "corp..example")]
    [InlineData("a static address, mask or gateway cannot be combined with DHCP on", false, "--dhcp", "on", "--ip", "{host}/24")]
    [InlineData("turning DHCP off needs a static address and a mask (--ip A.B.C.D/NN or --ip and --mask)", false, "--dhcp", "off")]
    [InlineData("turning DHCP off needs a static address and a mask", false, "--gateway", "{net}.1")]
    [InlineData("gateway 127.0.0.1 is outside the subnet {net}.0/24; it is the current gateway, kept unless another is given (0.0.0.0 for none)", false, "--ip", "{host}/24")]
    [InlineData("gateway {host} is the device's own address", false, "--ip", "{host}/24", "--gateway", "{host}")]
    [InlineData("subnet mask 255.0.255.0 is not a contiguous mask of /1 to /30", true, "--mask", "255.0.255.0")]
    [InlineData("{net}.0 is the network address of {net}.0/24", true, "--ip", "{net}.0", "--force")]
    [InlineData("DNS 1 224.0.0.251 is not a unicast address", false, "--dns1", "224.0.0.251")]
    [InlineData("this moves the ME from {host} to {other} and cuts this connection; add --force, then reach the device at {other}", false, "--ip", "{other}/24", "--gateway", "0.0.0.0")]
    [InlineData("turning DHCP on gives the ME an address nobody knows yet, and this connection to {host} would be lost; add --force if that is intended", true, "--dhcp", "on")]
    [InlineData("link policy sx-ac drops the link while the host is on (S0, AC), cutting this connection; add --force if that is intended", false, "--link-policy", "sx-ac")]
    public async Task A_refused_value_exits_2_with_the_reason_and_changes_nothing(string expected, bool isStatic, params string[] options)
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync(isStatic: isStatic);
        var host = device.Address.ToString();
        var other = NetTestDevices.NextAddress().ToString();
        string Fill(string text) => text.Replace("{host}", host, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal).Replace("{net}", host[..host.LastIndexOf('.')], StringComparison.Ordinal);
        var state = NetTestDevices.State(device);
        var settings = NetTestDevices.RecordSettings(device);

        var result = await harness.RunAsync(["net", host, "set", .. options.Select(Fill)], output: null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"amt: {Fill(expected)}", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Empty(settings());
        Assert.Equal(state, NetTestDevices.State(device));
    }

    [Theory]
    [InlineData("6.2.61", "IP sync needs AMT 7 or later; nothing was changed", "--ip-sync", "off", "--hostname", "renamed")]
    [InlineData("12.0.67", "VLAN tagging is not offered over WS-Management; set it in MEBx; nothing was changed", "--vlan", "5")]
    [InlineData("8.1.71", "VLAN tagging is not offered over WS-Management; set it in MEBx; nothing was changed", "--vlan", "off")]
    [InlineData("12.0.67", "MAC sharing is fixed by the platform on WS-Management firmware (use --address shared|dedicated for the address); nothing was changed", "--mac", "dedicated", "--ping", "off")]
    [InlineData("12.0.67", "link policy none is not offered over WS-Management; keep at least one group; nothing was changed", "--link-policy", "none", "--force")]
    [InlineData("12.0.67", "link policy none is not offered over WS-Management; keep at least one group; nothing was changed", "--link-policy", "none", "--hostname", "renamed")]
    public async Task A_setting_the_device_does_not_offer_exits_1_and_changes_nothing(string firmware, string expected, params string[] options)
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync(firmware);
        var state = NetTestDevices.State(device);
        var settings = NetTestDevices.RecordSettings(device);

        var result = await harness.RunAsync(["net", device.Address.ToString(), "set", .. options], output: null, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Equal($"amt: {device.Address}:16992: {expected}", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
        Assert.Empty(settings());
        Assert.Equal(state, NetTestDevices.State(device));
    }

    [Fact]
    public async Task A_device_fault_during_the_change_exits_1_and_the_names_go_back()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync(isStatic: true);
        var name = device.General.HostName;
        device.Changed += (_, change) =>
        {
            // Someone turns the ME to DHCP between the two Puts: the interface Put then lacks an address and is refused.
            if (change.Text.StartsWith("general settings: host renamed", StringComparison.Ordinal))
            {
                device.Wired.DhcpEnabled = true;
            }
        };
        var host = device.Address.ToString();

        var result = await harness.RunAsync("net", host, "set", "--hostname", "renamed", "--gateway", host[..host.LastIndexOf('.')] + ".254", "--verbose");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.StartsWith($"amt: {host}:16992: Put AMT_EthernetPortSettings: InternalError", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(name, device.General.HostName);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_forced_move_says_where_the_me_answers_now_and_it_does()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        var old = device.Address;
        var target = NetTestDevices.NextAddress();
        var moved = NetTestDevices.WhenMovedAsync(device, target);

        var result = await harness.RunAsync("net", old.ToString(), "set", "--ip", $"{target}/24", "--gateway", "0.0.0.0", "--force", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal($"amt: the ME now answers at {target}; the settings above are the ones sent, not read back", Assert.Single(result.ErrorLines));
        using (var json = JsonDocument.Parse(result.Out))
        {
            var root = json.RootElement;
            Assert.Equal(target.ToString(), root.GetProperty("movedTo").GetString());
            Assert.Equal(target.ToString(), root.GetProperty("address").GetString());
            Assert.False(root.GetProperty("dhcp").GetBoolean());
            Assert.Equal("255.255.255.0", root.GetProperty("subnetMask").GetString());
        }

        await moved;
        var there = await harness.RunAsync("net", target.ToString(), "--json");
        var gone = await harness.RunAsync("net", old.ToString(), "--timeout", "3");

        Assert.Equal(ExitCodes.Success, there.ExitCode);
        using (var json = JsonDocument.Parse(there.Out))
        {
            Assert.Equal(target.ToString(), json.RootElement.GetProperty("address").GetString());
            Assert.False(json.RootElement.GetProperty("dhcp").GetBoolean());
        }

        Assert.Equal(ExitCodes.DeviceError, gone.ExitCode);
        Assert.StartsWith($"amt: {old}:16992: connection refused", Assert.Single(gone.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forced_dhcp_on_a_static_device_says_the_address_comes_from_dhcp()
    {
        using var harness = new CliHarness();
        await using var device = await NetTestDevices.StartAsync();
        var lease = device.Address;
        var target = NetTestDevices.NextAddress();
        var movedAway = NetTestDevices.WhenMovedAsync(device, target);
        Assert.Equal(ExitCodes.Success, (await harness.RunAsync("net", lease.ToString(), "set", "--ip", $"{target}/24", "--gateway", "0.0.0.0", "--force")).ExitCode);
        await movedAway;
        var movedBack = NetTestDevices.WhenMovedAsync(device, lease);

        var result = await harness.RunAsync("net", target.ToString(), "set", "--dhcp", "on", "--force");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("amt: the ME now answers at an address from DHCP; the settings above are the ones sent, not read back", Assert.Single(result.ErrorLines));
        var rows = Rows(result.Out);
        Assert.Equal("on", rows["DHCP"]);
        Assert.Equal("from DHCP", rows["IPv4 address"]);
        await movedBack;
        Assert.True(device.Wired.DhcpEnabled);
        Assert.Equal(lease, device.Address);
    }

    [Fact]
    public async Task No_output_of_amt_net_holds_the_password()
    {
        using var harness = new CliHarness();
        harness.Variables.Remove("AMT_PASSWORD");
        var credentials = Path.Combine(harness.ConfigDirectory, "credentials");
        await File.WriteAllTextAsync(credentials, $"127.0.81.* admin:{CliHarness.Password}\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var device = await NetTestDevices.StartAsync();
        var host = device.Address.ToString();

        // CliHarness fails any run whose stdout or stderr holds the password; these cover every kind of output.
        CliResult[] results =
        [
            await harness.RunAsync("net", host, "--verbose"),
            await harness.RunAsync("net", host, "--json", "--verbose"),
            await harness.RunAsync("net", host, "set", "--ping", "off", "--verbose"),
            await harness.RunAsync("net", host, "set", "--hostname", "-bad", "--verbose"),
            await harness.RunAsync("net", host, "set", "--vlan", "7", "--verbose"),
            await harness.RunAsync("net", host, "set", "--ip", "10.1", "--verbose"),
        ];

        Assert.Equal([ExitCodes.Success, ExitCodes.Success, ExitCodes.Success, ExitCodes.UsageError, ExitCodes.DeviceError, ExitCodes.UsageError], results.Select(result => result.ExitCode));
        Assert.All(results, result => Assert.DoesNotContain(CliHarness.Password, result.Out + result.Error, StringComparison.Ordinal));
        Assert.False(device.General.PingResponseEnabled);
    }

    /// <summary>The property rows of the table amt prints: name → value.</summary>
    internal static Dictionary<string, string> Rows(string output)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var cells = line.Split('│');
            if (cells.Length == 4 && cells[1].Trim() is { Length: > 0 } name && name != "Property")
            {
                rows.Add(name, cells[2].Trim());
            }
        }

        return rows;
    }
}
