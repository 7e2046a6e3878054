using System.Text;
using System.Xml.Linq;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

public sealed class WsManRequestWriterTests
{
    private const string Prolog =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\">";

    private const string ReplyTo = "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>";

    private const string PowerService = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService";

    private static string Write(WsManRequest request) => Encoding.UTF8.GetString(WsManRequestWriter.Write(request));

    [Fact]
    public void A_carriage_return_survives_the_round_trip()
    {
        var value = WsManObject.Create("AMT_GeneralSettings").With("HostName", "line one\r\nline two");
        var request = new WsManRequest(WsManActions.Put, value.Namespace) { Body = new ObjectRequestBody(value) };

        var written = Write(request);
        var read = WsManRequestReader.Read(Encoding.UTF8.GetBytes(written));

        Assert.Contains("&#xD;", written, StringComparison.Ordinal);
        Assert.Equal("line one\r\nline two", Assert.IsType<ObjectRequestBody>(read.Body).Object.GetString("HostName"));
    }

    [Fact]
    public void A_control_character_xml_cannot_carry_is_refused_before_anything_is_sent()
    {
        var value = WsManObject.Create("AMT_GeneralSettings").With("HostName", "bell\u0007");
        var request = new WsManRequest(WsManActions.Put, value.Namespace) { Body = new ObjectRequestBody(value) };

        var error = Assert.Throws<ArgumentException>(() => Write(request));

        Assert.Contains("U+0007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_is_written_as_meshcommander_sends_it()
    {
        var request = new WsManRequest(WsManActions.Get, "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings") { MessageId = "1" };

        Assert.Equal(
            Prolog + "<Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><a:To>/wsman</a:To>" +
            "<w:ResourceURI>http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings</w:ResourceURI><a:MessageID>1</a:MessageID>" + ReplyTo +
            "<w:OperationTimeout>PT60S</w:OperationTimeout></Header><Body /></Envelope>",
            Write(request));
    }

    [Fact]
    public void Method_call_has_selectors_last_in_the_header_and_the_input_with_its_own_prefix()
    {
        var input = WsManObject.MethodInput("CIM_PowerManagementService", "RequestPowerStateChange")
            .With("PowerState", 8)
            .With("ManagedElement", EndpointReference.For("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", "ManagedSystem")));
        var request = new WsManRequest(WsManActions.Method(PowerService, "RequestPowerStateChange"), PowerService)
        {
            MessageId = "uuid:5B0B6C5E-1B6B-4C43-9F1E-3D52A1C7E001",
            Selectors = SelectorSet.Of(("CreationClassName", "CIM_PowerManagementService"), ("Name", "Intel(r) AMT Power Management Service")),
            Body = new ObjectRequestBody(input),
        };

        Assert.Equal(
            Prolog + $"<Header><a:Action>{PowerService}/RequestPowerStateChange</a:Action><a:To>/wsman</a:To><w:ResourceURI>{PowerService}</w:ResourceURI>" +
            "<a:MessageID>uuid:5B0B6C5E-1B6B-4C43-9F1E-3D52A1C7E001</a:MessageID>" + ReplyTo + "<w:OperationTimeout>PT60S</w:OperationTimeout>" +
            "<w:SelectorSet><w:Selector Name=\"CreationClassName\">CIM_PowerManagementService</w:Selector><w:Selector Name=\"Name\">Intel(r) AMT Power Management Service</w:Selector></w:SelectorSet>" +
            $"</Header><Body><r:RequestPowerStateChange_INPUT xmlns:r=\"{PowerService}\"><r:PowerState>8</r:PowerState><r:ManagedElement>" +
            "<a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address><a:ReferenceParameters>" +
            "<w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</w:ResourceURI><w:SelectorSet>" +
            "<w:Selector Name=\"CreationClassName\">CIM_ComputerSystem</w:Selector><w:Selector Name=\"Name\">ManagedSystem</w:Selector></w:SelectorSet>" +
            "</a:ReferenceParameters></r:ManagedElement></r:RequestPowerStateChange_INPUT></Body></Envelope>",
            Write(request));
    }

    [Fact]
    public void Header_children_come_in_meshcommander_order()
    {
        var request = new WsManRequest(WsManActions.Pull, PowerService)
        {
            Selectors = SelectorSet.Of(("Name", "x")),
            MaxEnvelopeSize = 153600,
            Body = new PullRequestBody("01000000-0000-0000-0000-000000000000"),
        };

        var header = XDocument.Parse(Write(request)).Root!.Elements().First();

        Assert.Equal(
            ["Action", "To", "ResourceURI", "MessageID", "ReplyTo", "OperationTimeout", "MaxEnvelopeSize", "SelectorSet"],
            header.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(WsManNamespaces.Soap, header.Parent!.Name.NamespaceName);
        Assert.Equal("Envelope", header.Parent.Name.LocalName);
    }

    [Theory]
    [InlineData(EnumerationMode.Objects, false, null, "<Body><Enumerate xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"></Enumerate></Body>")]
    [InlineData(EnumerationMode.ObjectsAndReferences, true, 250,
        "<Body><Enumerate xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode>" +
        "<w:OptimizeEnumeration></w:OptimizeEnumeration><w:MaxElements>250</w:MaxElements></Enumerate></Body>")]
    [InlineData(EnumerationMode.References, false, null,
        "<Body><Enumerate xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><w:EnumerationMode>EnumerateEPR</w:EnumerationMode></Enumerate></Body>")]
    public void Enumerate_bodies(EnumerationMode mode, bool optimize, int? maxElements, string body)
    {
        var text = Write(new WsManRequest(WsManActions.Enumerate, PowerService) { Body = new EnumerateRequestBody(mode, optimize, maxElements) });

        Assert.EndsWith("</Header>" + body + "</Envelope>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_and_release_bodies_carry_the_context()
    {
        var pull = Write(new WsManRequest(WsManActions.Pull, PowerService) { Body = new PullRequestBody("01000000-0000-0000-0000-000000000000", 5) });
        var release = Write(new WsManRequest(WsManActions.Release, PowerService) { Body = new ReleaseRequestBody("01000000-0000-0000-0000-000000000000") });

        Assert.EndsWith(
            "<Body><Pull xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><EnumerationContext>01000000-0000-0000-0000-000000000000</EnumerationContext>" +
            "<MaxElements>5</MaxElements></Pull></Body></Envelope>",
            pull,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "<Body><Release xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><EnumerationContext>01000000-0000-0000-0000-000000000000</EnumerationContext></Release></Body></Envelope>",
            release,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Two_arguments_in_the_common_namespace_each_have_their_prefix_in_scope()
    {
        // IPS_AlarmClockService.AddAlarm: StartTime is a Datetime and Interval an Interval, both in the CIM
        // common namespace, side by side.
        const string alarmClock = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AlarmClockService";
        var input = new WsManObject("AddAlarm_INPUT", alarmClock,
        [
            new WsManElement("AlarmTemplate", alarmClock, null, [WsManElement.Leaf("ElementName", alarmClock, "wake")]),
            new WsManElement("StartTime", alarmClock, null, [WsManElement.Leaf("Datetime", WsManNamespaces.Common, "2030-01-01T06:00:00Z")]),
            new WsManElement("Interval", alarmClock, null, [WsManElement.Leaf("Interval", WsManNamespaces.Common, "P1D")]),
        ]);
        var request = new WsManRequest(WsManActions.Method(alarmClock, "AddAlarm"), alarmClock) { Body = new ObjectRequestBody(input) };

        var bytes = WsManRequestWriter.Write(request);

        var document = XDocument.Parse(Encoding.UTF8.GetString(bytes));
        var common = document.Descendants().Where(element => element.Name.NamespaceName == WsManNamespaces.Common).Select(element => element.Name.LocalName);
        Assert.Equal(["Datetime", "Interval"], common);
        ElementAssert.Equal(input, Assert.IsType<ObjectRequestBody>(WsManRequestReader.Read(bytes).Body).Object);
    }

    [Fact]
    public void Attributes_in_any_namespace_are_written_with_a_declared_prefix()
    {
        const string uri = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
        var instance = new WsManObject("AMT_GeneralSettings", uri,
        [
            new WsManElement("HostName", uri, "nuc9", attributes: [new WsManAttribute("origin", "http://example.invalid/attributes", "dhcp")]),
            new WsManElement("DomainName", uri, "lab", attributes: [new WsManAttribute("lang", "http://www.w3.org/XML/1998/namespace", "en")]),
            new WsManElement("DdnsTTL", uri, "900", attributes: [new WsManAttribute("origin", "http://example.invalid/attributes", "static")]),
        ]);
        var request = new WsManRequest(WsManActions.Put, uri) { Body = new ObjectRequestBody(instance) };

        var bytes = WsManRequestWriter.Write(request);

        ElementAssert.Equal(instance, Assert.IsType<ObjectRequestBody>(WsManRequestReader.Read(bytes).Body).Object);
    }

    [Fact]
    public void Nil_values_and_special_characters_are_written_safely()
    {
        const string uri = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
        var instance = new WsManObject("AMT_GeneralSettings", uri,
        [
            new WsManElement("HostName", uri, null, isNil: true),
            WsManElement.Leaf("DomainName", uri, "a&b <c> \"d\" 'e'"),
        ]);

        var text = Write(new WsManRequest(WsManActions.Put, uri) { Body = new ObjectRequestBody(instance) });

        Assert.Contains("<r:HostName xsi:nil=\"true\"></r:HostName><r:DomainName>a&amp;b &lt;c&gt; \"d\" 'e'</r:DomainName>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/>", text.Replace("<Body />", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
