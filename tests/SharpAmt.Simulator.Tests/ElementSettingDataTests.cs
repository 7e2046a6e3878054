using System.Net;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// CIM_ElementSettingData on the wire: the wired port's associations to its settings and to its IPv6 settings,
/// enumerated as objects and as references, and the Put by two reference selectors that turns IPv6 on and off
/// (or is refused whole). Devices live on 127.0.85.150–219 only.
/// </summary>
public sealed class ElementSettingDataTests
{
    private const string Association = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ElementSettingData";
    private const string Port = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_EthernetPort";
    private const string Ipv6Settings = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_IPv6PortSettings";
    private const string PortSettings = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_EthernetPortSettings";
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private const string WiredIpv6Id = "Intel(r) IPS IPv6 Settings 0";
    private static int _next;

    private static EndpointReference WiredPort { get; } = EndpointReference.For(
        Port,
        ("CreationClassName", "CIM_EthernetPort"),
        ("DeviceID", "Intel(r) AMT Ethernet Port 0"),
        ("SystemCreationClassName", "CIM_ComputerSystem"),
        ("SystemName", "Intel(r) AMT"));

    private static SelectorSet Keys(EndpointReference settings) =>
        new([new Selector("ManagedElement", null, WiredPort), new Selector("SettingData", null, settings)]);

    private static SelectorSet Ipv6Keys { get; } = Keys(EndpointReference.For(Ipv6Settings, ("InstanceID", WiredIpv6Id)));

    private static SelectorSet PortSettingsKeys { get; } = Keys(EndpointReference.For(PortSettings, ("InstanceID", "Intel(r) AMT Ethernet Port Settings 0")));

    [Fact]
    public async Task The_wired_port_lists_its_settings_and_its_ipv6_settings_in_amt_order()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var (text, off) = await PullAsync(client, EnumerationMode.Objects);
        lock (device.Sync)
        {
            device.Ipv6.Enabled = true;
        }

        var (_, on) = await PullAsync(client, EnumerationMode.Objects);

        Assert.Equal(2, off.Count);
        Assert.All(off, item =>
        {
            var instance = item.Object!;
            Assert.Equal(("CIM_ElementSettingData", Association), (instance.Name, instance.Namespace));
            Assert.Equal(["IsCurrent", "ManagedElement", "SettingData"], instance.Properties.Select(property => property.Name));
            Assert.Equal(WiredPort.ResourceUri, instance.GetReference("ManagedElement")!.ResourceUri);
            Assert.True(new SelectorSet(WiredPort.Selectors).IsSatisfiedBy(instance.GetReference("ManagedElement")!.Selectors));
        });
        Assert.Equal("1", SettingsOf(off, PortSettings).GetString("IsCurrent"));
        Assert.Equal("2", SettingsOf(off, Ipv6Settings).GetString("IsCurrent"));
        Assert.Equal("1", SettingsOf(on, Ipv6Settings).GetString("IsCurrent"));
        Assert.Equal("1", SettingsOf(on, PortSettings).GetString("IsCurrent"));

        // EPR properties as firmware writes them: b:Address anonymous, b:ReferenceParameters, c:ResourceURI, c:SelectorSet.
        Assert.Contains(
            $"<h:IsCurrent>2</h:IsCurrent><h:ManagedElement><b:Address>{Anonymous}</b:Address><b:ReferenceParameters><c:ResourceURI>{Port}</c:ResourceURI><c:SelectorSet>" +
            "<c:Selector Name=\"CreationClassName\">CIM_EthernetPort</c:Selector><c:Selector Name=\"DeviceID\">Intel(r) AMT Ethernet Port 0</c:Selector>" +
            "<c:Selector Name=\"SystemCreationClassName\">CIM_ComputerSystem</c:Selector><c:Selector Name=\"SystemName\">Intel(r) AMT</c:Selector></c:SelectorSet>" +
            $"</b:ReferenceParameters></h:ManagedElement><h:SettingData><b:Address>{Anonymous}</b:Address><b:ReferenceParameters><c:ResourceURI>{Ipv6Settings}</c:ResourceURI>" +
            $"<c:SelectorSet><c:Selector Name=\"InstanceID\">{WiredIpv6Id}</c:Selector></c:SelectorSet></b:ReferenceParameters></h:SettingData>",
            text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EnumerationMode.References)]
    [InlineData(EnumerationMode.ObjectsAndReferences)]
    public async Task Enumerated_references_carry_both_keys_as_references(EnumerationMode mode)
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt8);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var (text, items) = await PullAsync(client, mode);

        Assert.Equal(2, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(mode == EnumerationMode.ObjectsAndReferences, item.Object is not null);
            Assert.Equal(Association, item.Reference!.ResourceUri);
            Assert.Equal(["ManagedElement", "SettingData"], item.Reference.Selectors.Select(selector => selector.Name));
            Assert.All(item.Reference.Selectors, selector => Assert.NotNull(selector.Reference));
        });
        Assert.Single(items, item => Ipv6Keys.IsSatisfiedBy(item.Reference!.Selectors));
        Assert.Single(items, item => PortSettingsKeys.IsSatisfiedBy(item.Reference!.Selectors));
        Assert.Contains($"<c:Selector Name=\"SettingData\"><b:EndpointReference><b:Address>{Anonymous}</b:Address>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.2.61")]
    [InlineData("8.1.71")]
    [InlineData("12.0.67")]
    [InlineData("16.1.25")]
    public async Task A_put_by_the_two_references_turns_ipv6_on_and_off(string firmware)
    {
        await using var device = await StartAsync(FirmwareProfiles.Find(firmware)!);
        var events = SettingsEvents.Record(device);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await GetAsync(client, Ipv6Keys);

        var (onStatus, onText, onReply) = await RawWsMan.SendAsync(client, Put(current.With("IsCurrent", "1"), Ipv6Keys));
        var enabled = device.Ipv6.Enabled;
        var (offStatus, _, offReply) = await RawWsMan.SendAsync(client, Put(current.With("IsCurrent", "2"), Ipv6Keys));

        Assert.Equal((200, 200), (onStatus, offStatus));
        Assert.True(enabled);
        Assert.False(device.Ipv6.Enabled);
        Assert.Equal("1", Assert.IsType<ObjectResponseBody>(onReply.Body).Object.GetString("IsCurrent"));
        Assert.Equal("2", Assert.IsType<ObjectResponseBody>(offReply.Body).Object.GetString("IsCurrent"));
        Assert.Contains("<g:CIM_ElementSettingData><g:IsCurrent>1</g:IsCurrent><g:ManagedElement>", onText, StringComparison.Ordinal);
        Assert.Equal(["wired interface: IPv6 on", "wired interface: IPv6 off"], events());
        Assert.Equal("1", (await GetAsync(client, PortSettingsKeys)).GetString("IsCurrent"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("true")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Any_is_current_but_1_or_2_is_refused_and_changes_nothing(string? value)
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        var events = SettingsEvents.Record(device);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await GetAsync(client, Ipv6Keys);
        var requested = value is null ? current.Without("IsCurrent") : current.With("IsCurrent", value);

        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(requested, Ipv6Keys));

        AssertRefused(status, reply);
        Assert.False(device.Ipv6.Enabled);
        Assert.Empty(events());
        Assert.Equal("2", (await GetAsync(client, Ipv6Keys)).GetString("IsCurrent"));
    }

    [Fact]
    public async Task The_port_settings_stay_current()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        var events = SettingsEvents.Record(device);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await GetAsync(client, PortSettingsKeys);

        var (keptStatus, _, _) = await RawWsMan.SendAsync(client, Put(current.With("IsCurrent", "1"), PortSettingsKeys));
        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current.With("IsCurrent", "2"), PortSettingsKeys));

        Assert.Equal(200, keptStatus);
        AssertRefused(status, reply);
        Assert.False(device.Ipv6.Enabled);
        Assert.Empty(events());
    }

    [Fact]
    public async Task References_that_designate_no_association_are_unreachable()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await GetAsync(client, Ipv6Keys);
        var wireless = Keys(EndpointReference.For(Ipv6Settings, ("InstanceID", "Intel(r) IPS IPv6 Settings 1")));

        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current.With("IsCurrent", "1"), wireless));

        Assert.Equal(400, status);
        Assert.Equal("DestinationUnreachable", Assert.IsType<FaultResponseBody>(reply.Body).Fault.Subcode);
        Assert.False(device.Ipv6.Enabled);
    }

    [Theory]
    [InlineData("5.2.70", false)]
    [InlineData("6.2.61", true)]
    public async Task The_class_exists_from_amt_6(string firmware, bool present)
    {
        await using var device = await StartAsync(FirmwareProfiles.Find(firmware)!);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;

        if (present)
        {
            Assert.Equal(2, (await client.EnumerateObjectsAsync(AmtClassNames.ElementSettingData, cancellation)).Count);
            return;
        }

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => client.EnumerateObjectsAsync(AmtClassNames.ElementSettingData, cancellation));
        Assert.Equal("DestinationUnreachable", fault.Fault.Subcode);
        Assert.True(fault.MeansNotPresent);
    }

    private static WsManObject SettingsOf(IReadOnlyList<PulledItem> items, string settingsUri) =>
        items.Select(item => item.Object!).Single(instance => instance.GetReference("SettingData")!.ResourceUri == settingsUri);

    private static async Task<WsManObject> GetAsync(WsManClient client, SelectorSet keys) =>
        await client.GetAsync(AmtClassNames.ElementSettingData, keys, TestContext.Current.CancellationToken);

    private static WsManRequest Put(WsManObject instance, SelectorSet keys) => new(WsManActions.Put, Association)
    {
        Selectors = keys,
        Body = new ObjectRequestBody(instance),
    };

    private static void AssertRefused(int status, WsManResponse reply)
    {
        Assert.Equal(400, status);
        var fault = Assert.IsType<FaultResponseBody>(reply.Body).Fault;
        Assert.Equal("InternalError", fault.Subcode);
        Assert.Equal("AMT-STATUS 36", fault.Detail);
    }

    private static async Task<(string Text, IReadOnlyList<PulledItem> Items)> PullAsync(WsManClient client, EnumerationMode mode)
    {
        var (_, _, enumerated) = await RawWsMan.SendAsync(client, new WsManRequest(WsManActions.Enumerate, Association) { Body = new EnumerateRequestBody(mode) });
        var context = Assert.IsType<EnumerateResponseBody>(enumerated.Body).Context;
        var (status, text, pulled) = await RawWsMan.SendAsync(client, new WsManRequest(WsManActions.Pull, Association) { Body = new PullRequestBody(context) });
        Assert.Equal(200, status);
        var page = Assert.IsType<PullResponseBody>(pulled.Body);
        Assert.True(page.EndOfSequence);
        return (text, page.Items);
    }


    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 70)
        {
            throw new InvalidOperationException("the element setting data tests ran out of addresses in 127.0.85.150-219");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 85, (byte)(149 + index) }),
            Firmware = firmware,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }
}
