using System.Text;
using System.Xml.Linq;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

/// <summary>
/// The exact envelopes AMT writes (reference sections 3.4 and 3.8, and the shapes of the shared fixtures):
/// fixed prefixes per reply type declared on the Envelope in firmware order, header To, RelatesTo, Action,
/// MessageID, ResourceURI, no whitespace, empty elements as open/close pairs.
/// </summary>
public sealed class WsManResponseWriterGoldenTests
{
    private const string Soap = "http://www.w3.org/2003/05/soap-envelope";
    private const string Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private const string Trust = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    private const string SecExt = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string CimBinding = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    private const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    private const string Eventing = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    private const string Common = "http://schemas.dmtf.org/wbem/wscim/1/common";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string GeneralSettings = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
    private const string PowerService = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService";
    private const string ComputerSystem = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";
    private const string BiosElement = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BIOSElement";
    private const string AlarmClockOccurrence = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_AlarmClockOccurrence";

    /// <summary>The declarations every non-fault reply starts with, a to f.</summary>
    private const string BaseDeclarations =
        $"xmlns:a=\"{Soap}\" xmlns:b=\"{Addressing}\" xmlns:c=\"{WsMan}\" xmlns:d=\"{Trust}\" xmlns:e=\"{SecExt}\" xmlns:f=\"{CimBinding}\"";

    private static string Write(WsManResponse response) => Encoding.UTF8.GetString(WsManResponseWriter.Write(response));

    private static string Header(string relatesTo, string action, string messageId, string? resourceUri) =>
        $"<a:Header><b:To>{Anonymous}</b:To><b:RelatesTo>{relatesTo}</b:RelatesTo><b:Action a:mustUnderstand=\"true\">{action}</b:Action>" +
        $"<b:MessageID>{messageId}</b:MessageID>" + (resourceUri is null ? "" : $"<c:ResourceURI>{resourceUri}</c:ResourceURI>") + "</a:Header>";

    /// <summary>Checks the rules every reply obeys, whatever its kind.</summary>
    private static void AssertWireRules(string text)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/>", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(">\\s+<", text);
        var document = XDocument.Parse(text);
        Assert.All(document.Root!.Descendants(), element => Assert.DoesNotContain(element.Attributes(), attribute => attribute.IsNamespaceDeclaration));
    }

    private static WsManElement Datetime(string name, string ns, string value) =>
        new(name, ns, null, [WsManElement.Leaf("Datetime", Common, value)]);

    [Fact]
    public void Get_reply()
    {
        var instance = WsManObject.Create("AMT_GeneralSettings",
            WsManElement.Leaf("AMTNetworkEnabled", GeneralSettings, "1"),
            WsManElement.Leaf("DigestRealm", GeneralSettings, "Digest:727734D63A1FC0423736E48DA554E462"),
            WsManElement.Leaf("DomainName", GeneralSettings, ""),
            WsManElement.Leaf("HostName", GeneralSettings, "nuc9"),
            WsManElement.Leaf("PingResponseEnabled", GeneralSettings, "true"));
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "1", new ObjectResponseBody(instance))
        {
            MessageId = "uuid:00000000-8086-8086-8086-00000000A1B2",
            ResourceUri = GeneralSettings,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{GeneralSettings}\" xmlns:xsi=\"{Xsi}\">" +
            Header("1", "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "uuid:00000000-8086-8086-8086-00000000A1B2", GeneralSettings) +
            "<a:Body><g:AMT_GeneralSettings><g:AMTNetworkEnabled>1</g:AMTNetworkEnabled><g:DigestRealm>Digest:727734D63A1FC0423736E48DA554E462</g:DigestRealm>" +
            "<g:DomainName></g:DomainName><g:HostName>nuc9</g:HostName><g:PingResponseEnabled>true</g:PingResponseEnabled></g:AMT_GeneralSettings></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Get_reply_with_a_datetime_declares_common_after_the_class()
    {
        // As cim/bios/element/get.xml: g is the class, h the CIM common namespace.
        var instance = WsManObject.Create("CIM_BIOSElement",
            WsManElement.Leaf("Manufacturer", BiosElement, "Intel Corp."),
            Datetime("ReleaseDate", BiosElement, "2020-08-10T00:00:00Z"));
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "0", new ObjectResponseBody(instance))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000002",
            ResourceUri = BiosElement,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{BiosElement}\" xmlns:h=\"{Common}\" xmlns:xsi=\"{Xsi}\">" +
            Header("0", "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "uuid:00000000-8086-8086-8086-000000000002", BiosElement) +
            "<a:Body><g:CIM_BIOSElement><g:Manufacturer>Intel Corp.</g:Manufacturer><g:ReleaseDate><h:Datetime>2020-08-10T00:00:00Z</h:Datetime></g:ReleaseDate>" +
            "</g:CIM_BIOSElement></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Enumerate_reply()
    {
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", "7",
            new EnumerateResponseBody("5E1A0000-0000-0000-0000-000000000000"))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000003",
            ResourceUri = PowerService,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{Enumeration}\" xmlns:xsi=\"{Xsi}\">" +
            Header("7", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", "uuid:00000000-8086-8086-8086-000000000003", PowerService) +
            "<a:Body><g:EnumerateResponse><g:EnumerationContext>5E1A0000-0000-0000-0000-000000000000</g:EnumerationContext></g:EnumerateResponse></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
        // amtc copies exactly 36 characters after this marker into its Pull.
        const string marker = "<g:EnumerateResponse><g:EnumerationContext>";
        Assert.Equal("5E1A0000-0000-0000-0000-000000000000", text.Substring(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length, 36));
    }

    [Fact]
    public void Pull_reply_with_more_to_come_puts_the_context_before_the_items()
    {
        var item = WsManObject.Create("CIM_PowerManagementService",
            WsManElement.Leaf("CreationClassName", PowerService, "CIM_PowerManagementService"),
            WsManElement.Leaf("Name", PowerService, "Intel(r) AMT Power Management Service"));
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", "8",
            new PullResponseBody([new PulledItem(item, null)], "5E1A0000-0000-0000-0000-000000000000", EndOfSequence: false))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000004",
            ResourceUri = PowerService,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{Enumeration}\" xmlns:h=\"{PowerService}\" xmlns:xsi=\"{Xsi}\">" +
            Header("8", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", "uuid:00000000-8086-8086-8086-000000000004", PowerService) +
            "<a:Body><g:PullResponse><g:EnumerationContext>5E1A0000-0000-0000-0000-000000000000</g:EnumerationContext><g:Items>" +
            "<h:CIM_PowerManagementService><h:CreationClassName>CIM_PowerManagementService</h:CreationClassName><h:Name>Intel(r) AMT Power Management Service</h:Name></h:CIM_PowerManagementService>" +
            "</g:Items></g:PullResponse></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Last_pull_reply_ends_with_an_end_of_sequence_pair_and_writes_references_as_amt_does()
    {
        // A base class enumerated as its subclass (reference 3.4): the ResourceURI stays the requested class,
        // h is the subclass, i the common namespace the class's replies declare.
        const string requested = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ServiceAvailableToElement";
        const string subclass = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService";
        var item = WsManObject.Create(subclass,
            WsManElement.Leaf("AvailableRequestedPowerStates", subclass, "2"),
            WsManElement.Leaf("AvailableRequestedPowerStates", subclass, "8"),
            WsManElement.Leaf("PowerState", subclass, "2"))
            .With("ServiceProvided", EndpointReference.For("CIM_PowerManagementService",
                ("CreationClassName", "CIM_PowerManagementService"), ("Name", "Intel(r) AMT Power Management Service")));
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", "9",
            new PullResponseBody([new PulledItem(item, null)], null, EndOfSequence: true))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000005",
            ResourceUri = requested,
            DeclaresCommonNamespace = true,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{Enumeration}\" xmlns:h=\"{subclass}\" xmlns:i=\"{Common}\" xmlns:xsi=\"{Xsi}\">" +
            Header("9", "http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", "uuid:00000000-8086-8086-8086-000000000005", requested) +
            "<a:Body><g:PullResponse><g:Items><h:CIM_AssociatedPowerManagementService>" +
            "<h:AvailableRequestedPowerStates>2</h:AvailableRequestedPowerStates><h:AvailableRequestedPowerStates>8</h:AvailableRequestedPowerStates><h:PowerState>2</h:PowerState>" +
            $"<h:ServiceProvided><b:Address>{Anonymous}</b:Address><b:ReferenceParameters><c:ResourceURI>{PowerService}</c:ResourceURI><c:SelectorSet>" +
            "<c:Selector Name=\"CreationClassName\">CIM_PowerManagementService</c:Selector><c:Selector Name=\"Name\">Intel(r) AMT Power Management Service</c:Selector>" +
            "</c:SelectorSet></b:ReferenceParameters></h:ServiceProvided></h:CIM_AssociatedPowerManagementService></g:Items><g:EndOfSequence></g:EndOfSequence></g:PullResponse></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Method_reply()
    {
        var output = WsManObject.MethodOutput("CIM_PowerManagementService", "RequestPowerStateChange", 0);
        var response = new WsManResponse($"{PowerService}/RequestPowerStateChangeResponse", "uuid:F1F5A3C8-0000-4000-8000-000000000001", new ObjectResponseBody(output))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000006",
            ResourceUri = PowerService,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{PowerService}\" xmlns:xsi=\"{Xsi}\">" +
            Header("uuid:F1F5A3C8-0000-4000-8000-000000000001", $"{PowerService}/RequestPowerStateChangeResponse", "uuid:00000000-8086-8086-8086-000000000006", PowerService) +
            "<a:Body><g:RequestPowerStateChange_OUTPUT><g:ReturnValue>0</g:ReturnValue></g:RequestPowerStateChange_OUTPUT></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
        // What amtc looks for.
        Assert.Contains("<g:RequestPowerStateChange_OUTPUT><g:ReturnValue>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_reply()
    {
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse", "14", EmptyResponseBody.Instance)
        {
            MessageId = "uuid:00000000-8086-8086-8086-0000000032FB",
            ResourceUri = AlarmClockOccurrence,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:xsi=\"{Xsi}\">" +
            Header("14", "http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse", "uuid:00000000-8086-8086-8086-0000000032FB", AlarmClockOccurrence) +
            "<a:Body></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Create_reply()
    {
        const string credentialContext = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TLSCredentialContext";
        const string certificate = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_PublicKeyCertificate";
        var created = new EndpointReference(Anonymous, credentialContext, new SelectorSet(
        [
            new Selector("ElementInContext", null, EndpointReference.For(certificate, ("InstanceID", "Intel(r) AMT Certificate: Handle: 1"))),
        ]));
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse", "11", new CreatedResponseBody(created))
        {
            MessageId = "uuid:00000000-8086-8086-8086-00000004CE5C",
            ResourceUri = credentialContext,
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {BaseDeclarations} xmlns:g=\"{Transfer}\" xmlns:xsi=\"{Xsi}\">" +
            Header("11", "http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse", "uuid:00000000-8086-8086-8086-00000004CE5C", credentialContext) +
            $"<a:Body><g:ResourceCreated><b:Address>{Anonymous}</b:Address><b:ReferenceParameters><c:ResourceURI>{credentialContext}</c:ResourceURI><c:SelectorSet>" +
            $"<c:Selector Name=\"ElementInContext\"><b:EndpointReference><b:Address>{Anonymous}</b:Address><b:ReferenceParameters><c:ResourceURI>{certificate}</c:ResourceURI>" +
            "<c:SelectorSet><c:Selector Name=\"InstanceID\">Intel(r) AMT Certificate: Handle: 1</c:Selector></c:SelectorSet></b:ReferenceParameters></b:EndpointReference></c:Selector>" +
            "</c:SelectorSet></b:ReferenceParameters></g:ResourceCreated></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    /// <summary>Faults declare g f e d c b a h i xsi, so the subcode's prefix tells its specification.</summary>
    private const string FaultDeclarations =
        $"xmlns:g=\"{CimBinding}\" xmlns:f=\"{Eventing}\" xmlns:e=\"{WsMan}\" xmlns:d=\"{Transfer}\" xmlns:c=\"{Enumeration}\" xmlns:b=\"{Addressing}\" " +
        $"xmlns:a=\"{Soap}\" xmlns:h=\"{Trust}\" xmlns:i=\"{SecExt}\" xmlns:xsi=\"{Xsi}\"";

    [Fact]
    public void Already_exists_fault_as_amt_15_writes_it()
    {
        var response = new WsManResponse("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "3", new FaultResponseBody(WsManFaults.AlreadyExists()))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000010",
            ResourceUri = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_PublicKeyCertificate",
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {FaultDeclarations}>" +
            Header("3", "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", "uuid:00000000-8086-8086-8086-000000000010", null) +
            "<a:Body><a:Fault><a:Code><a:Value>a:Sender</a:Value><a:Subcode><a:Value>e:AlreadyExists</a:Value></a:Subcode></a:Code>" +
            "<a:Reason><a:Text xml:lang=\"en-US\">The sender attempted to create a resource which already exists.</a:Text></a:Reason><a:Detail></a:Detail></a:Fault></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Fact]
    public void Destination_unreachable_fault_uses_the_addressing_prefix_and_carries_its_detail()
    {
        var fault = WsManFaults.DestinationUnreachable(WsManFaults.FaultDetailBase + "InvalidResourceURI");
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", "4", new FaultResponseBody(fault))
        {
            MessageId = "uuid:00000000-8086-8086-8086-000000000011",
        };

        var text = Write(response);

        Assert.Equal(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope {FaultDeclarations}>" +
            Header("4", "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", "uuid:00000000-8086-8086-8086-000000000011", null) +
            "<a:Body><a:Fault><a:Code><a:Value>a:Sender</a:Value><a:Subcode><a:Value>b:DestinationUnreachable</a:Value></a:Subcode></a:Code>" +
            "<a:Reason><a:Text xml:lang=\"en-US\">No route can be determined to reach the destination role defined by the WS-Addressing To.</a:Text></a:Reason>" +
            "<a:Detail><e:FaultDetail>http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI</e:FaultDetail></a:Detail></a:Fault></a:Body></a:Envelope>",
            text);
        AssertWireRules(text);
    }

    [Theory]
    [InlineData("uuid:00000000-8086-8086-8086-000000000001")]
    [InlineData("42")]
    [InlineData("urn:x-client:a&b<c>\"d\"")]
    public void Relates_to_echoes_any_message_id_and_reads_back_verbatim(string messageId)
    {
        var response = new WsManResponse("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse", messageId, EmptyResponseBody.Instance) { MessageId = "uuid:00000000-8086-8086-8086-000000000001" };

        Assert.Equal(messageId, WsManResponseReader.Read(WsManResponseWriter.Write(response)).RelatesTo);
    }
}
