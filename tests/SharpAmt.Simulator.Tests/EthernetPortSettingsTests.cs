using System.Net;
using System.Text.RegularExpressions;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// AMT_EthernetPortSettings (and the general settings beside it) on the wire: the wired instance as firmware
/// writes it in DHCP and static mode, Puts that change the shared interface state or are refused whole, and the
/// move a new static address makes. Devices live on 127.0.82.1–254 only.
/// </summary>
public sealed class EthernetPortSettingsTests
{
    private const string Wired = "Intel(r) AMT Ethernet Port Settings 0";
    private const string Wireless = "Intel(r) AMT Ethernet Port Settings 1";
    private static int _next;

    [Fact]
    public async Task In_dhcp_mode_the_wired_instance_lists_no_address_and_keeps_amt_order()
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var (getStatus, getText, getReply) = await RawWsMan.SendAsync(client, Get());
        var (pullText, items) = await PullAsync(client);

        Assert.Equal(200, getStatus);
        var instance = Assert.IsType<ObjectResponseBody>(getReply.Body).Object;
        Assert.Equal(Wired, instance.GetString("InstanceID"));
        Assert.Equal("true", instance.GetString("DHCPEnabled"));
        Assert.False(instance.Has("IPAddress"));
        Assert.Equal(device.Identity.MacAddressText, instance.GetString("MACAddress"));
        Assert.Equal(["1", "14"], instance.GetStrings("LinkPolicy"));
        AssertAmtOrder(instance);
        Assert.DoesNotContain("IPAddress", getText, StringComparison.Ordinal);
        Assert.Equal(Names(instance), ElementNames(getText, "g"));

        var wired = items.Single(item => item.GetString("InstanceID") == Wired);
        Assert.False(wired.Has("IPAddress"));
        AssertAmtOrder(wired);
        Assert.DoesNotContain("IPAddress", pullText, StringComparison.Ordinal);
        Assert.Equal(ReplyShape.Describe(instance), ReplyShape.Describe(wired));
    }

    [Fact]
    public async Task A_put_that_adds_the_address_at_the_end_is_answered_in_amt_order()
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);

        // As a console edits it: DHCPEnabled changed in place, IPAddress appended after the last property.
        var requested = current.With("DHCPEnabled", false).With("SubnetMask", "255.255.255.0").With("IPAddress", device.Address.ToString());
        Assert.Equal("IPAddress", requested.Properties[^1].Name);
        var (status, text, reply) = await RawWsMan.SendAsync(client, Put(requested));

        Assert.Equal(200, status);
        var answered = Assert.IsType<ObjectResponseBody>(reply.Body).Object;
        AssertAmtOrder(answered);
        Assert.Equal(device.Address.ToString(), answered.GetString("IPAddress"));
        Assert.Equal(Names(answered), ElementNames(text, "g"));
        Assert.True(
            text.IndexOf("<g:ElementName>", StringComparison.Ordinal) < text.IndexOf("<g:IPAddress>", StringComparison.Ordinal)
            && text.IndexOf("<g:IPAddress>", StringComparison.Ordinal) < text.IndexOf("<g:InstanceID>", StringComparison.Ordinal),
            text);
        Assert.False(device.Wired.DhcpEnabled);
        Assert.Equal(device.Address, device.Wired.StaticAddress);

        var (pullText, items) = await PullAsync(client);
        var wired = items.Single(item => item.GetString("InstanceID") == Wired);
        AssertAmtOrder(wired);
        Assert.Equal(device.Address.ToString(), wired.GetString("IPAddress"));
        Assert.Equal("false", wired.GetString("DHCPEnabled"));
        Assert.Equal("false", wired.GetString("SharedDynamicIP"));
        var wiredText = pullText.Split("<h:AMT_EthernetPortSettings>").Single(item => item.Contains($">{Wired}<", StringComparison.Ordinal));
        Assert.Equal(Names(wired), ElementNames(wiredText, "h"));
    }

    [Fact]
    public async Task The_put_reply_has_the_shape_real_firmware_sends()
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, TestContext.Current.CancellationToken);
        var recorded = RecordedReplies.All.Single(reply => reply.Path == Path.Combine("amt", "ethernetport", "put.xml"));
        var expected = Assert.IsType<ObjectResponseBody>(recorded.Response.Body).Object;

        var (_, text, reply) = await RawWsMan.SendAsync(client, Put(current
            .With("DHCPEnabled", false)
            .With("IPAddress", device.Address.ToString())
            .With("SecondaryDNS", "198.51.100.53")
            .With("LinkPolicy", ["1", "14", "16"])));

        var actual = Assert.IsType<ObjectResponseBody>(reply.Body).Object;
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Namespace, actual.Namespace);
        Assert.Equal(Shape(expected), Shape(actual));
        Assert.Equal(ReplyShape.EnvelopeDeclarations(recorded.Text), ReplyShape.EnvelopeDeclarations(text));
    }

    [Fact]
    public async Task Turning_dhcp_on_drops_the_address_from_the_instance()
    {
        await using var device = await StartAsync(isStatic: true);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);
        Assert.Equal(device.Address.ToString(), current.GetString("IPAddress"));

        var answered = await client.PutAsync(current.With("DHCPEnabled", true), WiredSelector, cancellation);

        Assert.False(answered.Has("IPAddress"));
        Assert.Equal("true", answered.GetString("DHCPEnabled"));
        Assert.Equal("true", answered.GetString("SharedDynamicIP"));
        Assert.True(device.Wired.DhcpEnabled);
        Assert.False((await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation)).Has("IPAddress"));
    }

    [Theory]
    [InlineData("IPAddress", "10.0.0.300", 0x1B)]
    [InlineData("IPAddress", "10.1", 0x1B)]
    [InlineData("IPAddress", "", 0x1B)]
    [InlineData("IPAddress", "fe80::1", 0x1B)]
    [InlineData("SubnetMask", "255.255.255.256", 0x25)]
    [InlineData("SubnetMask", "/24", 0x25)]
    [InlineData("DefaultGateway", "gateway", 0x1B)]
    [InlineData("PrimaryDNS", "::1", 0x1B)]
    [InlineData("SecondaryDNS", "1.2.3", 0x1B)]
    [InlineData("DHCPEnabled", "yes", 0x24)]
    [InlineData("SharedStaticIp", "2", 0x24)]
    [InlineData("LinkPolicy", "2", 0x24)]
    [InlineData("LinkPolicy", "one", 0x24)]
    public async Task A_put_with_a_value_the_firmware_cannot_take_is_refused_whole(string property, string value, int ptStatus)
    {
        await using var device = await StartAsync(isStatic: true);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, TestContext.Current.CancellationToken);
        var state = StateOf(device);
        var events = SettingsEvents.Record(device);

        // A valid change rides along; it must not be applied either.
        var (status, text, reply) = await RawWsMan.SendAsync(client, Put(current.With("PrimaryDNS", "192.0.2.53").With(property, value)));

        AssertRefused(status, reply, ptStatus);
        Assert.Contains($"AMT-STATUS {ptStatus}", text, StringComparison.Ordinal);
        Assert.Equal(state, StateOf(device));
        Assert.Empty(events());
    }

    [Fact]
    public async Task A_static_configuration_without_an_address_is_refused()
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, TestContext.Current.CancellationToken);
        var state = StateOf(device);
        var events = SettingsEvents.Record(device);

        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current.With("DHCPEnabled", false).With("SubnetMask", "255.255.255.0").With("DefaultGateway", "127.0.82.254")));

        AssertRefused(status, reply, 0x24);
        Assert.Equal(state, StateOf(device));
        Assert.True(device.Wired.DhcpEnabled);
        Assert.Empty(events());
    }

    [Fact]
    public async Task A_put_on_the_wireless_instance_leaves_the_wired_interface_alone()
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var selectors = SelectorSet.Of(("InstanceID", Wireless));
        var wireless = await client.GetAsync(AmtClassNames.EthernetPortSettings, selectors, cancellation);
        var state = StateOf(device);

        var answered = await client.PutAsync(wireless.With("DHCPEnabled", false).With("IPAddress", "127.0.82.250"), selectors, cancellation);

        Assert.Equal(Wireless, answered.GetString("InstanceID"));
        Assert.Equal(state, StateOf(device));
    }

    [Fact]
    public async Task Before_amt_7_there_is_no_ip_sync_to_read_or_put()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt6);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);
        Assert.False(current.Has("IpSyncEnabled"));
        AssertAmtOrder(current);

        var answered = await client.PutAsync(current.With("IpSyncEnabled", false).With("PrimaryDNS", "192.0.2.53"), WiredSelector, cancellation);

        Assert.False(answered.Has("IpSyncEnabled"));
        Assert.True(device.Wired.IpSyncEnabled);
        Assert.Equal(IPAddress.Parse("192.0.2.53"), device.Wired.PrimaryDns);
    }

    [Fact]
    public async Task A_new_static_address_moves_the_device_there_after_the_reply()
    {
        await using var device = await StartAsync();
        var old = device.Address;
        var target = NextAddress();
        var moved = WhenMovedAsync(device, target);
        var cancellation = TestContext.Current.CancellationToken;
        await using (var client = SimulatedDeviceFixture.ClientFor(device))
        {
            var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);
            var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current.With("DHCPEnabled", false).With("IPAddress", target.ToString()).With("SubnetMask", "255.255.255.0")));

            // The reply leaves from the old address before the move.
            Assert.Equal(200, status);
            Assert.Equal(target.ToString(), Assert.IsType<ObjectResponseBody>(reply.Body).Object.GetString("IPAddress"));
        }

        await moved;

        Assert.Equal(target, device.Address);
        await using (var there = SimulatedDeviceFixture.ClientFor(device))
        {
            var instance = await there.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);
            Assert.Equal(target.ToString(), instance.GetString("IPAddress"));
        }

        foreach (var port in device.Ports)
        {
            var refused = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(async () => await RawHttp.ConnectAsync(old, port, cancellation));
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("127.0.82.0")]
    [InlineData("127.0.82.255")]
    public async Task An_address_the_simulator_cannot_serve_is_recorded_and_the_device_stays(string address)
    {
        await using var device = await StartAsync();
        var events = SettingsEvents.Record(device);
        var cancellation = TestContext.Current.CancellationToken;
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);

        await client.PutAsync(current.With("DHCPEnabled", false).With("IPAddress", address), WiredSelector, cancellation);

        Assert.Equal(IPAddress.Parse(address), device.Wired.StaticAddress);
        Assert.Equal(device.Options.Address, device.Address);
        Assert.Contains($"ME address set to {address}, which the simulator cannot serve; still answering at {device.Address}", events());
        var instance = await client.GetAsync(AmtClassNames.EthernetPortSettings, WiredSelector, cancellation);
        Assert.Equal(address, instance.GetString("IPAddress"));
    }

    [Theory]
    [InlineData("PingResponseEnabled", "yes")]
    [InlineData("SharedFQDN", "TRUE")]
    [InlineData("DDNSUpdateEnabled", "")]
    public async Task A_general_settings_put_with_a_bad_boolean_changes_nothing(string property, string value)
    {
        await using var device = await StartAsync();
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: TestContext.Current.CancellationToken);
        var state = StateOf(device);
        var events = SettingsEvents.Record(device);

        var (status, _, reply) = await RawWsMan.SendAsync(client, new WsManRequest(WsManActions.Put, current.Namespace)
        {
            Body = new ObjectRequestBody(current.With("HostName", "renamed").With(property, value)),
        });

        AssertRefused(status, reply, 0x24);
        Assert.Equal(state, StateOf(device));
        Assert.NotEqual("renamed", device.General.HostName);
        Assert.Empty(events());
    }

    [Fact]
    public async Task General_settings_put_changes_names_and_responses_and_reads_back()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt8);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var current = await client.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: cancellation);

        var answered = await client.PutAsync(
            current.With("HostName", "lab-3").With("DomainName", "corp.example").With("PingResponseEnabled", false).With("RmcpPingResponseEnabled", "0")
                .With("SharedFQDN", false).With("DDNSUpdateEnabled", "1"),
            cancellationToken: cancellation);

        Assert.Equal("lab-3", device.General.HostName);
        Assert.Equal("corp.example", device.General.DomainName);
        Assert.False(device.General.PingResponseEnabled);
        Assert.False(device.General.RmcpPingResponseEnabled);
        Assert.False(device.General.SharedFqdn);
        Assert.True(device.General.DynamicDnsUpdateEnabled);
        var reread = await client.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: cancellation);
        Assert.Equal(ReplyShape.Describe(answered), ReplyShape.Describe(reread));
        Assert.Equal("false", reread.GetString("RmcpPingResponseEnabled"));
        Assert.Equal("true", reread.GetString("DDNSUpdateEnabled"));
        Assert.Equal(device.Identity.Realm, reread.GetString("DigestRealm"));
    }

    private static SelectorSet WiredSelector { get; } = SelectorSet.Of(("InstanceID", Wired));

    private static WsManRequest Get() => new(WsManActions.Get, ResourceUris.For(AmtClassNames.EthernetPortSettings)) { Selectors = WiredSelector };

    private static WsManRequest Put(WsManObject instance) => new(WsManActions.Put, instance.Namespace)
    {
        Selectors = WiredSelector,
        Body = new ObjectRequestBody(instance),
    };

    private static void AssertRefused(int status, WsManResponse reply, int ptStatus)
    {
        Assert.Equal(400, status);
        var fault = Assert.IsType<FaultResponseBody>(reply.Body).Fault;
        Assert.Equal("InternalError", fault.Subcode);
        Assert.Equal($"AMT-STATUS {ptStatus}", fault.Detail);
    }

    /// <summary>AMT writes an instance's properties in ordinal order of their names (repeats of an array together).</summary>
    private static void AssertAmtOrder(WsManObject instance)
    {
        var names = Names(instance);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    private static List<string> Names(WsManObject instance)
    {
        var names = new List<string>();
        foreach (var property in instance.Properties)
        {
            if (names.Count == 0 || names[^1] != property.Name)
            {
                names.Add(property.Name);
            }
        }

        return names;
    }

    /// <summary>The property element names in reply text with <paramref name="prefix"/>, as written, repeats collapsed.</summary>
    private static List<string> ElementNames(string text, string prefix)
    {
        var names = new List<string>();
        foreach (Match match in Regex.Matches(text, $"<{prefix}:(\\w+)>"))
        {
            var name = match.Groups[1].Value;
            if (name != "AMT_EthernetPortSettings" && (names.Count == 0 || names[^1] != name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Names, namespaces and value formats, repeats collapsed: the count of LinkPolicy values is data, not shape.</summary>
    private static string[] Shape(WsManObject instance)
    {
        var lines = ReplyShape.Describe(instance);
        return lines.Where((line, index) => index == 0 || line != lines[index - 1]).ToArray();
    }


    private static async Task<(string Text, IReadOnlyList<WsManObject> Items)> PullAsync(WsManClient client)
    {
        var uri = ResourceUris.For(AmtClassNames.EthernetPortSettings);
        var (_, _, enumerated) = await RawWsMan.SendAsync(client, new WsManRequest(WsManActions.Enumerate, uri) { Body = new EnumerateRequestBody() });
        var context = Assert.IsType<EnumerateResponseBody>(enumerated.Body).Context;
        var (status, text, pulled) = await RawWsMan.SendAsync(client, new WsManRequest(WsManActions.Pull, uri) { Body = new PullRequestBody(context) });
        Assert.Equal(200, status);
        return (text, Assert.IsType<PullResponseBody>(pulled.Body).Items.Select(item => item.Object!).ToArray());
    }

    private static string StateOf(SimulatedDevice device)
    {
        lock (device.Sync)
        {
            var wired = device.Wired;
            var general = device.General;
            return $"{wired.DhcpEnabled} {wired.StaticAddress} {wired.SubnetMask} {wired.DefaultGateway} {wired.PrimaryDns} {wired.SecondaryDns} {wired.SharedStaticIp} "
                + $"{wired.LinkPolicy} {wired.IpSyncEnabled} | {general.HostName} {general.DomainName} {general.PingResponseEnabled} {general.SharedFqdn} {general.DynamicDnsUpdateEnabled} | {device.Address}";
        }
    }

    private static Task WhenMovedAsync(SimulatedDevice device, IPAddress target)
    {
        var moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Settings && change.Text.EndsWith($" to {target}", StringComparison.Ordinal) && change.Text.StartsWith("moved from ", StringComparison.Ordinal))
            {
                moved.TrySetResult();
            }
        };
        return moved.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 254)
        {
            throw new InvalidOperationException("the Ethernet port tests ran out of addresses in 127.0.82.1-254");
        }

        return new IPAddress(new byte[] { 127, 0, 82, (byte)index });
    }

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, bool isStatic = false)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        if (isStatic)
        {
            device.Wired.DhcpEnabled = false;
            device.Wired.StaticAddress = device.Options.Address;
            device.Wired.SubnetMask = IPAddress.Parse("255.255.255.0");
            device.Wired.DefaultGateway = IPAddress.Any;
        }

        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }
}
