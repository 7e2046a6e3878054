using System.Text;
using SharpAmt.WsMan.Device;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

/// <summary>
/// Selectors whose values are endpoint references, as an association class (CIM_ElementSettingData) is
/// addressed: written, read in MeshCommander's form, and matched against an instance's keys.
/// </summary>
public sealed class ReferenceSelectorTests
{
    private const string Association = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ElementSettingData";
    private const string Port = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_EthernetPort";
    private const string Ipv6Settings = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_IPv6PortSettings";
    private const string PortSettings = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_EthernetPortSettings";
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    private static EndpointReference WiredPort { get; } = EndpointReference.For(
        Port,
        ("CreationClassName", "CIM_EthernetPort"),
        ("DeviceID", "Intel(r) AMT Ethernet Port 0"),
        ("SystemCreationClassName", "CIM_ComputerSystem"),
        ("SystemName", "Intel(r) AMT"));

    private static EndpointReference WiredIpv6 { get; } = EndpointReference.For(Ipv6Settings, ("InstanceID", "Intel(r) IPS IPv6 Settings 0"));

    private static EndpointReference WiredSettings { get; } = EndpointReference.For(PortSettings, ("InstanceID", "Intel(r) AMT Ethernet Port Settings 0"));

    private static SelectorSet Keys(EndpointReference element, EndpointReference settings) =>
        new([new Selector("ManagedElement", null, element), new Selector("SettingData", null, settings)]);

    private static WsManObject Instance(string isCurrent, EndpointReference settings) =>
        WsManObject.Create(Association, WsManElement.Leaf("IsCurrent", Association, isCurrent))
            .With("ManagedElement", WiredPort)
            .With("SettingData", settings);

    [Fact]
    public void A_put_by_two_reference_selectors_writes_each_as_a_wrapped_endpoint_reference()
    {
        var request = new WsManRequest(WsManActions.Put, Association)
        {
            MessageId = "5",
            Selectors = Keys(WiredPort, WiredIpv6),
            Body = new ObjectRequestBody(Instance("1", WiredIpv6)),
        };

        var text = Encoding.UTF8.GetString(WsManRequestWriter.Write(request));

        var reference = (string uri, string selectors) =>
            $"<a:EndpointReference><a:Address>{Anonymous}</a:Address><a:ReferenceParameters><w:ResourceURI>{uri}</w:ResourceURI>" +
            $"<w:SelectorSet>{selectors}</w:SelectorSet></a:ReferenceParameters></a:EndpointReference>";
        Assert.Contains(
            "<w:OperationTimeout>PT60S</w:OperationTimeout><w:SelectorSet>" +
            "<w:Selector Name=\"ManagedElement\">" + reference(Port,
                "<w:Selector Name=\"CreationClassName\">CIM_EthernetPort</w:Selector><w:Selector Name=\"DeviceID\">Intel(r) AMT Ethernet Port 0</w:Selector>" +
                "<w:Selector Name=\"SystemCreationClassName\">CIM_ComputerSystem</w:Selector><w:Selector Name=\"SystemName\">Intel(r) AMT</w:Selector>") + "</w:Selector>" +
            "<w:Selector Name=\"SettingData\">" + reference(Ipv6Settings, "<w:Selector Name=\"InstanceID\">Intel(r) IPS IPv6 Settings 0</w:Selector>") + "</w:Selector>" +
            "</w:SelectorSet></Header>",
            text,
            StringComparison.Ordinal);
        Assert.Contains($"<Body><r:CIM_ElementSettingData xmlns:r=\"{Association}\"><r:IsCurrent>1</r:IsCurrent><r:ManagedElement><a:Address>{Anonymous}</a:Address>", text, StringComparison.Ordinal);
        Assert.Contains($"<r:SettingData><a:Address>{Anonymous}</a:Address><a:ReferenceParameters><w:ResourceURI>{Ipv6Settings}</w:ResourceURI>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MeshCommanders_ipv6_state_put_is_read_with_both_references()
    {
        // The SelectorSet exactly as MeshCommander's showIPv6StateDlgOk builds it, stray declarations included.
        var epr = (string uri, string selectors) =>
            "<a:EndpointReference xmlns:b=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:c=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">" +
            $"<a:Address>{Anonymous}</a:Address><a:ReferenceParameters><w:ResourceURI>{uri}</w:ResourceURI><w:SelectorSet>{selectors}</w:SelectorSet>" +
            "</a:ReferenceParameters></a:EndpointReference>";
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\">" +
            $"<Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Put</a:Action><a:To>/wsman</a:To><w:ResourceURI>{Association}</w:ResourceURI>" +
            $"<a:MessageID>9</a:MessageID><a:ReplyTo><a:Address>{Anonymous}</a:Address></a:ReplyTo><w:OperationTimeout>PT60.000S</w:OperationTimeout>" +
            "<w:SelectorSet><w:Selector Name=\"ManagedElement\">" +
            epr(Port, "<w:Selector Name=\"CreationClassName\">CIM_EthernetPort</w:Selector><w:Selector Name=\"DeviceID\">Intel(r) AMT Ethernet Port 0</w:Selector>" +
                      "<w:Selector Name=\"SystemCreationClassName\">CIM_ComputerSystem</w:Selector><w:Selector Name=\"SystemName\">Intel(r) AMT</w:Selector>") +
            "</w:Selector><w:Selector Name=\"SettingData\">" +
            epr(Ipv6Settings, "<w:Selector Name=\"InstanceID\">Intel(r) IPS IPv6 Settings 0</w:Selector>") +
            "</w:Selector></w:SelectorSet></Header>" +
            $"<Body><r:CIM_ElementSettingData xmlns:r=\"{Association}\"><r:IsCurrent>2</r:IsCurrent></r:CIM_ElementSettingData></Body></Envelope>";

        var request = WsManRequestReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(["ManagedElement", "SettingData"], request.Selectors.Select(selector => selector.Name));
        Assert.All(request.Selectors, selector => Assert.Null(selector.Value));
        var port = request.Selectors.Reference("ManagedElement")!;
        var settings = request.Selectors.Reference("SettingData")!;
        Assert.Equal(Port, port.ResourceUri);
        Assert.Equal("Intel(r) AMT Ethernet Port 0", port.Selectors.Value("DeviceID"));
        Assert.Equal(4, port.Selectors.Count);
        Assert.Equal(Ipv6Settings, settings.ResourceUri);
        Assert.Equal("Intel(r) IPS IPv6 Settings 0", Assert.Single(settings.Selectors).Value);
        Assert.True(request.Selectors.IsSatisfiedBy(Keys(WiredPort, WiredIpv6)));
        Assert.False(request.Selectors.IsSatisfiedBy(Keys(WiredPort, WiredSettings)));
    }

    public static TheoryData<string, bool> Candidates => new()
    {
        { "the same references", true },
        { "a partial port reference", true },
        { "another address", true },
        { "other settings", false },
        { "another resource URI", false },
        { "another device ID", false },
        { "a plain value", false },
        { "an unknown key", false },
    };

    [Theory]
    [MemberData(nameof(Candidates))]
    public void A_reference_selector_matches_only_the_reference_it_designates(string candidate, bool matches)
    {
        var keys = Keys(WiredPort, WiredIpv6);
        var wanted = candidate switch
        {
            "the same references" => Keys(WiredPort, WiredIpv6),
            "a partial port reference" => Keys(EndpointReference.For(Port, ("DeviceID", "Intel(r) AMT Ethernet Port 0")), WiredIpv6),
            "another address" => Keys(WiredPort, WiredIpv6 with { Address = "http://schemas.xmlsoap.org/ws/2004/08/addressing" }),
            "other settings" => Keys(WiredPort, WiredSettings),
            "another resource URI" => Keys(WiredPort, WiredIpv6 with { ResourceUri = PortSettings }),
            "another device ID" => Keys(EndpointReference.For(Port, ("DeviceID", "Intel(r) AMT Ethernet Port 1")), WiredIpv6),
            "a plain value" => new SelectorSet([new Selector("SettingData", "Intel(r) IPS IPv6 Settings 0")]),
            "an unknown key" => new SelectorSet([new Selector("Dependent", null, WiredIpv6)]),
            _ => throw new ArgumentOutOfRangeException(nameof(candidate)),
        };

        Assert.Equal(matches, wanted.IsSatisfiedBy(keys));
    }

    [Fact]
    public async Task The_dispatcher_hands_a_put_to_the_instance_its_reference_selectors_name()
    {
        var service = new TestWsManService();
        var settingsAssociation = Instance("1", WiredSettings);
        var ipv6Association = Instance("2", WiredIpv6);
        service.Classes[Association] =
        [
            new ServedInstance(settingsAssociation, new EndpointReference(Anonymous, Association, Keys(WiredPort, WiredSettings))),
            new ServedInstance(ipv6Association, new EndpointReference(Anonymous, Association, Keys(WiredPort, WiredIpv6))),
        ];
        var dispatcher = new WsManDispatcher(service);
        var changed = ipv6Association.With("IsCurrent", "1");
        var request = new WsManRequest(WsManActions.Put, Association) { MessageId = "1", Selectors = Keys(WiredPort, WiredIpv6), Body = new ObjectRequestBody(changed) };

        var reply = await dispatcher.DispatchAsync(WsManRequestWriter.Write(request), TestContext.Current.CancellationToken);

        Assert.False(reply.IsFault);
        Assert.Equal("1", service.Classes[Association][1].Object.GetString("IsCurrent"));
        Assert.Same(settingsAssociation, service.Classes[Association][0].Object);
        var (selectors, _) = Assert.Single(service.Puts);
        Assert.Equal(Ipv6Settings, selectors.Reference("SettingData")!.ResourceUri);
    }
}
