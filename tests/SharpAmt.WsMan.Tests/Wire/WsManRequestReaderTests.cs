using System.Text;
using SharpAmt.Transport;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

/// <summary>The device reads requests in every shape real clients send (reference sections 3.3 and 3.7).</summary>
public sealed class WsManRequestReaderTests
{
    private const string PowerService = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService";
    private const string ComputerSystem = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";

    private static WsManRequest Read(string xml) => WsManRequestReader.Read(Encoding.UTF8.GetBytes(xml));

    private static void AssertManagedSystemReference(WsManObject input)
    {
        Assert.Equal(8, input.GetInt32("PowerState"));
        var reference = input.GetReference("ManagedElement");
        Assert.NotNull(reference);
        Assert.Equal(ComputerSystem, reference.ResourceUri);
        Assert.Equal([("CreationClassName", "CIM_ComputerSystem"), ("Name", "ManagedSystem")], reference.Selectors.Select(selector => (selector.Name, selector.Value!)));
    }

    [Fact]
    public void MeshCommander_method_call_with_a_prefixed_reference()
    {
        var request = Read(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\">" +
            $"<Header><a:Action>{PowerService}/RequestPowerStateChange</a:Action><a:To>/wsman</a:To><w:ResourceURI>{PowerService}</w:ResourceURI>" +
            "<a:MessageID>17</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>" +
            "<w:OperationTimeout>PT60S</w:OperationTimeout><w:SelectorSet><w:Selector Name=\"Name\">Intel(r) AMT Power Management Service</w:Selector></w:SelectorSet></Header>" +
            $"<Body><r:RequestPowerStateChange_INPUT xmlns:r=\"{PowerService}\"><r:PowerState>8</r:PowerState><r:ManagedElement>" +
            "<a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address><a:ReferenceParameters>" +
            $"<w:ResourceURI>{ComputerSystem}</w:ResourceURI><w:SelectorSet><w:Selector Name=\"CreationClassName\">CIM_ComputerSystem</w:Selector>" +
            "<w:Selector Name=\"Name\">ManagedSystem</w:Selector></w:SelectorSet></a:ReferenceParameters></r:ManagedElement></r:RequestPowerStateChange_INPUT></Body></Envelope>");

        Assert.Equal($"{PowerService}/RequestPowerStateChange", request.Action);
        Assert.Equal(PowerService, request.ResourceUri);
        Assert.Equal("17", request.MessageId);
        Assert.Equal("/wsman", request.To);
        Assert.Equal("PT60S", request.OperationTimeout);
        Assert.Equal("Intel(r) AMT Power Management Service", Assert.Single(request.Selectors).Value);
        var input = Assert.IsType<ObjectRequestBody>(request.Body).Object;
        Assert.Equal(("RequestPowerStateChange_INPUT", PowerService), (input.Name, input.Namespace));
        AssertManagedSystemReference(input);
    }

    [Fact]
    public void MeshCentral_reference_with_unprefixed_default_namespaces()
    {
        // Reference section 3.7: the Address is the addressing namespace itself, and must not be validated.
        var request = Read(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\">" +
            $"<Header><a:Action>{PowerService}/RequestPowerStateChange</a:Action><a:To>/wsman</a:To><w:ResourceURI>{PowerService}</w:ResourceURI>" +
            "<a:MessageID>3</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>" +
            "<w:OperationTimeout>PT60S</w:OperationTimeout></Header><Body>" +
            $"<r:RequestPowerStateChange_INPUT xmlns:r=\"{PowerService}\"><r:PowerState>8</r:PowerState><r:ManagedElement>" +
            "<Address xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">http://schemas.xmlsoap.org/ws/2004/08/addressing</Address>" +
            "<ReferenceParameters xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">" +
            $"<ResourceURI xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">{ComputerSystem}</ResourceURI>" +
            "<SelectorSet xmlns=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><Selector Name=\"CreationClassName\">CIM_ComputerSystem</Selector>" +
            "<Selector Name=\"Name\">ManagedSystem</Selector></SelectorSet></ReferenceParameters></r:ManagedElement></r:RequestPowerStateChange_INPUT></Body></Envelope>");

        var input = Assert.IsType<ObjectRequestBody>(request.Body).Object;
        AssertManagedSystemReference(input);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing", input.GetReference("ManagedElement")!.Address);
        Assert.Empty(request.Selectors);
    }

    [Fact]
    public void Amtc_enumerate_with_its_options()
    {
        var request = Read(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" " +
            "xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>" +
            "<wsa:Action s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</wsa:Action>" +
            "<wsa:To s:mustUnderstand=\"true\">http://10.0.0.7:16992/wsman</wsa:To>" +
            "<wsman:ResourceURI s:mustUnderstand=\"true\">http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService</wsman:ResourceURI>" +
            "<wsa:MessageID s:mustUnderstand=\"true\">uuid:4a0c2a6e-3a1f-4d55-9b0e-7f4a1d2c9e31</wsa:MessageID>" +
            "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo></s:Header>" +
            "<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>" +
            "<wsman:MaxElements>250</wsman:MaxElements></wsen:Enumerate></s:Body></s:Envelope>\n");

        Assert.Equal(WsManActions.Enumerate, request.Action);
        Assert.Equal("uuid:4a0c2a6e-3a1f-4d55-9b0e-7f4a1d2c9e31", request.MessageId);
        Assert.Equal("http://10.0.0.7:16992/wsman", request.To);
        Assert.Null(request.OperationTimeout);
        Assert.Equal(new EnumerateRequestBody(EnumerationMode.ObjectsAndReferences, Optimize: true, MaxElements: 250), request.Body);
    }

    [Fact]
    public void Openwsman_release()
    {
        var request = Read(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" " +
            "xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>" +
            "<wsa:Action s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release</wsa:Action>" +
            "<wsa:To s:mustUnderstand=\"true\">http://10.0.0.7:16992/wsman</wsa:To>" +
            $"<wsman:ResourceURI s:mustUnderstand=\"true\">{ComputerSystem}</wsman:ResourceURI>" +
            "<wsa:MessageID s:mustUnderstand=\"true\">uuid:9d1e8b64-1c3a-1c3a-8002-f0d4a3b2c1e0</wsa:MessageID>" +
            "<wsa:ReplyTo><wsa:Address s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>" +
            "<wsman:OperationTimeout>PT60.000S</wsman:OperationTimeout></s:Header>" +
            "<s:Body><wsen:Release><wsen:EnumerationContext>\n  03000000-0000-0000-0000-000000000000\n</wsen:EnumerationContext></wsen:Release></s:Body></s:Envelope>");

        Assert.Equal(WsManActions.Release, request.Action);
        Assert.Equal(new ReleaseRequestBody("03000000-0000-0000-0000-000000000000"), request.Body);
        Assert.Equal("PT60.000S", request.OperationTimeout);
    }

    [Fact]
    public void Pull_with_max_elements_and_max_envelope_size()
    {
        var request = Read(
            "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">" +
            "<Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull</a:Action><w:ResourceURI>" + ComputerSystem + "</w:ResourceURI>" +
            "<a:MessageID>urn:uuid:1</a:MessageID><w:MaxEnvelopeSize mustUnderstand=\"true\">51200</w:MaxEnvelopeSize></Header>" +
            "<Body><Pull xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><EnumerationContext>01000000-0000-0000-0000-000000000000</EnumerationContext>" +
            "<MaxElements>3</MaxElements></Pull></Body></Envelope>");

        Assert.Equal(new PullRequestBody("01000000-0000-0000-0000-000000000000", 3), request.Body);
        Assert.Equal(51200, request.MaxEnvelopeSize);
        Assert.Equal("", request.To);
    }

    [Fact]
    public void Amtctrl_put_of_a_full_instance_without_a_selector_set()
    {
        const string uri = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_RedirectionService";
        var request = Read(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" " +
            "xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>" +
            "<wsa:Action s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/09/transfer/Put</wsa:Action>" +
            $"<wsa:To s:mustUnderstand=\"true\">http://10.0.0.7:16992/wsman</wsa:To><wsman:ResourceURI s:mustUnderstand=\"true\">{uri}</wsman:ResourceURI>" +
            "<wsa:MessageID s:mustUnderstand=\"true\">uuid:00000000-0000-0000-0000-000000000001</wsa:MessageID></s:Header><s:Body>" +
            $"<p:AMT_RedirectionService xmlns:p=\"{uri}\"><p:CreationClassName>AMT_RedirectionService</p:CreationClassName><p:ElementName>Intel(r) AMT Redirection Service</p:ElementName>" +
            "<p:EnabledState>32771</p:EnabledState><p:ListenerEnabled>true</p:ListenerEnabled></p:AMT_RedirectionService></s:Body></s:Envelope>");

        Assert.Empty(request.Selectors);
        var instance = Assert.IsType<ObjectRequestBody>(request.Body).Object;
        Assert.Equal(["CreationClassName", "ElementName", "EnabledState", "ListenerEnabled"], instance.Properties.Select(property => property.Name));
        Assert.Equal(32771, instance.GetInt32("EnabledState"));
        Assert.True(instance.GetBoolean("ListenerEnabled"));
    }

    [Fact]
    public void Request_shaped_fixture_put_is_read()
    {
        var request = WsManRequestReader.Read(Fixtures.Read("amt/boot/settingdata/put.xml"));

        Assert.Equal(WsManActions.Put, request.Action);
        Assert.Equal("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_BootSettingData", request.ResourceUri);
        Assert.Equal("1", request.MessageId);
        Assert.Equal("PT60S", request.OperationTimeout);
        Assert.Empty(request.Selectors);
        var instance = Assert.IsType<ObjectRequestBody>(request.Body).Object;
        Assert.Equal("AMT_BootSettingData", instance.Name);
        Assert.Equal([2L, 0L], instance.GetInt64s("BIOSLastStatus"));
        Assert.Equal("", instance.GetString("RSEPassword"));
        Assert.Equal(33, instance.Properties.Count);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("uuid:AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE")]
    [InlineData("  padded  ")]
    [InlineData("urn:x&amp;y")]
    public void Any_message_id_is_kept_verbatim(string messageId)
    {
        var request = Read(
            "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">" +
            $"<Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><a:MessageID>{messageId}</a:MessageID></Header><Body /></Envelope>");

        Assert.Equal(messageId.Replace("&amp;", "&", StringComparison.Ordinal), request.MessageId);
        Assert.Null(request.Body);
        Assert.Equal("", request.ResourceUri);
    }

    [Theory]
    [InlineData("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Header /><Body /></Envelope>")]
    [InlineData("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body /></Envelope>")]
    [InlineData("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header></Header><Body /></Envelope>")]
    [InlineData("<html><body>not soap</body></html>")]
    public void Request_that_is_not_a_ws_man_envelope_is_refused(string xml)
    {
        Assert.Equal(ProtocolViolation.UnexpectedXml, Assert.Throws<AmtProtocolException>(() => Read(xml)).Violation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<Envelope")]
    [InlineData("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header></Envelope>")]
    [InlineData("<a:Envelope><a:Header /></a:Envelope>")]
    public void Request_that_is_not_xml_is_refused(string xml)
    {
        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => Read(xml)).Violation);
    }
}
