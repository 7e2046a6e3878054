using System.Globalization;
using System.Text;
using SharpAmt.Transport;
using SharpAmt.WsMan.Device;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;
using static SharpAmt.WsMan.Tests.Support.TestWsManService;

namespace SharpAmt.WsMan.Tests.Device;

public sealed class WsManDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestWsManService _service = WithAmtClasses();
    private readonly WsManDispatcher _dispatcher;

    public WsManDispatcherTests()
    {
        _dispatcher = new WsManDispatcher(_service);
    }

    private async Task<(WsManResponse Response, bool IsFault, string Text)> DispatchAsync(WsManRequest request, WsManDispatcher? dispatcher = null)
    {
        var reply = await (dispatcher ?? _dispatcher).DispatchAsync(WsManRequestWriter.Write(request), Ct);
        return (WsManResponseReader.Read(reply.Envelope), reply.IsFault, Encoding.UTF8.GetString(reply.Envelope));
    }

    private static WsManRequest Request(string action, string resourceUri, WsManRequestBody? body = null, string messageId = "1") =>
        new(action, resourceUri) { MessageId = messageId, Body = body };

    private async Task<WsManFault> FaultAsync(WsManRequest request, string expectedAction)
    {
        var (response, isFault, _) = await DispatchAsync(request);
        Assert.True(isFault);
        Assert.Equal(expectedAction, response.Action);
        Assert.Null(response.ResourceUri);
        return Assert.IsType<FaultResponseBody>(response.Body).Fault;
    }

    private async Task<string> EnumerateAsync(string resourceUri, EnumerationMode mode = EnumerationMode.Objects)
    {
        var (response, _, _) = await DispatchAsync(Request(WsManActions.Enumerate, resourceUri, new EnumerateRequestBody(mode)));
        return Assert.IsType<EnumerateResponseBody>(response.Body).Context;
    }

    private async Task<PullResponseBody> PullAsync(string resourceUri, string context, int? maxElements = null)
    {
        var (response, isFault, _) = await DispatchAsync(Request(WsManActions.Pull, resourceUri, new PullRequestBody(context, maxElements)));
        Assert.False(isFault);
        Assert.Equal(WsManActions.Pull + "Response", response.Action);
        return Assert.IsType<PullResponseBody>(response.Body);
    }

    [Fact]
    public async Task Get_returns_the_instance_the_selectors_name()
    {
        var request = Request(WsManActions.Get, GeneralSettings, messageId: "uuid:1B4E28BA-2FA1-11D2-883F-0016D3CCA427") with
        {
            Selectors = SelectorSet.Of(("InstanceID", "Intel(r) AMT: General Settings")),
        };

        var (response, isFault, _) = await DispatchAsync(request);

        Assert.False(isFault);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", response.Action);
        Assert.Equal("uuid:1B4E28BA-2FA1-11D2-883F-0016D3CCA427", response.RelatesTo);
        Assert.Equal(GeneralSettings, response.ResourceUri);
        var instance = Assert.IsType<ObjectResponseBody>(response.Body).Object;
        Assert.Equal("nuc9", instance.GetString("HostName"));
    }

    [Fact]
    public async Task Get_of_a_singleton_without_selectors_and_with_a_partial_set()
    {
        var (bare, _, _) = await DispatchAsync(Request(WsManActions.Get, PowerService));
        var (partial, _, _) = await DispatchAsync(Request(WsManActions.Get, PowerService) with { Selectors = SelectorSet.Of(("Name", "Intel(r) AMT Power Management Service")) });

        Assert.Equal("CIM_PowerManagementService", Assert.IsType<ObjectResponseBody>(bare.Body).Object.Name);
        Assert.Equal("CIM_PowerManagementService", Assert.IsType<ObjectResponseBody>(partial.Body).Object.Name);
    }

    [Fact]
    public async Task Put_hands_the_instance_and_selectors_to_the_service_and_echoes_it()
    {
        var changed = WsManObject.Create("AMT_GeneralSettings", WsManElement.Leaf("HostName", GeneralSettings, "renamed & <new>"));
        var selectors = SelectorSet.Of(("InstanceID", "Intel(r) AMT: General Settings"));

        var (response, _, _) = await DispatchAsync(Request(WsManActions.Put, GeneralSettings, new ObjectRequestBody(changed)) with { Selectors = selectors });

        Assert.Equal(WsManActions.Put + "Response", response.Action);
        Assert.Equal("renamed & <new>", Assert.IsType<ObjectResponseBody>(response.Body).Object.GetString("HostName"));
        var (putSelectors, putInstance) = Assert.Single(_service.Puts);
        Assert.Equal("Intel(r) AMT: General Settings", putSelectors.Value("InstanceID"));
        ElementAssert.Equal(changed, putInstance);
    }

    [Fact]
    public async Task Put_without_a_body_is_a_schema_fault()
    {
        var fault = await FaultAsync(Request(WsManActions.Put, GeneralSettings), WsManActions.Fault);

        Assert.Equal("SchemaValidationError", fault.Subcode);
    }

    [Fact]
    public async Task Create_returns_the_reference_and_a_second_create_already_exists()
    {
        const string uri = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_AlarmClockOccurrence";
        var alarm = WsManObject.Create(uri, WsManElement.Leaf("InstanceID", uri, "wake"), WsManElement.Leaf("ElementName", uri, "wake"));

        var (response, isFault, _) = await DispatchAsync(Request(WsManActions.Create, uri, new ObjectRequestBody(alarm)));
        var fault = await FaultAsync(Request(WsManActions.Create, uri, new ObjectRequestBody(alarm)), WsManActions.Fault);

        Assert.False(isFault);
        Assert.Equal(WsManActions.Create + "Response", response.Action);
        var created = Assert.IsType<CreatedResponseBody>(response.Body).Reference;
        Assert.Equal(uri, created.ResourceUri);
        Assert.Equal("wake", created.Selectors.Value("InstanceID"));
        Assert.Equal(("AlreadyExists", WsManNamespaces.WsMan, "Sender"), (fault.Subcode, fault.SubcodeNamespace, fault.Code));
    }

    [Fact]
    public async Task Delete_answers_with_an_empty_body()
    {
        var (response, isFault, text) = await DispatchAsync(Request(WsManActions.Delete, SoftwareIdentity) with { Selectors = SelectorSet.Of(("InstanceID", "Sku")) });

        Assert.False(isFault);
        Assert.Equal(WsManActions.Delete + "Response", response.Action);
        Assert.IsType<EmptyResponseBody>(response.Body);
        Assert.EndsWith("<a:Body></a:Body></a:Envelope>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_service.Classes[SoftwareIdentity], instance => instance.Object.GetString("InstanceID") == "Sku");
    }

    [Fact]
    public async Task Pull_with_max_elements_pages_with_the_same_context_until_the_end()
    {
        var context = await EnumerateAsync(SoftwareIdentity);

        var pages = new List<PullResponseBody>();
        for (var page = await PullAsync(SoftwareIdentity, context, 2); ; page = await PullAsync(SoftwareIdentity, context, 2))
        {
            pages.Add(page);
            if (page.EndOfSequence)
            {
                break;
            }
        }

        Assert.Equal([2, 2, 1], pages.Select(page => page.Items.Count));
        Assert.Equal([context, context, null], pages.Select(page => page.Context));
        Assert.Equal([false, false, true], pages.Select(page => page.EndOfSequence));
        Assert.Equal(["Flash", "Netstack", "AMTApps", "AMT", "Sku"], pages.SelectMany(page => page.Items).Select(item => item.Object!.GetString("InstanceID")));
    }

    [Fact]
    public async Task Pull_without_max_elements_returns_everything_and_ends()
    {
        var context = await EnumerateAsync(SoftwareIdentity);

        var page = await PullAsync(SoftwareIdentity, context);

        Assert.Equal(5, page.Items.Count);
        Assert.True(page.EndOfSequence);
        Assert.Null(page.Context);
        Assert.All(page.Items, item => Assert.Null(item.Reference));
    }

    [Fact]
    public async Task Finished_released_and_unknown_contexts_are_invalid()
    {
        var finished = await EnumerateAsync(SoftwareIdentity);
        await PullAsync(SoftwareIdentity, finished);
        var released = await EnumerateAsync(SoftwareIdentity);
        var (release, releaseFault, _) = await DispatchAsync(Request(WsManActions.Release, SoftwareIdentity, new ReleaseRequestBody(released)));

        Assert.False(releaseFault);
        Assert.Equal(WsManActions.Release + "Response", release.Action);
        Assert.IsType<EmptyResponseBody>(release.Body);
        foreach (var context in new[] { finished, released, "DEADBEEF-0000-0000-0000-000000000000" })
        {
            var fault = await FaultAsync(Request(WsManActions.Pull, SoftwareIdentity, new PullRequestBody(context)), WsManActions.Fault);
            Assert.Equal(("InvalidEnumerationContext", WsManNamespaces.Enumeration), (fault.Subcode, fault.SubcodeNamespace));
        }

        var releaseAgain = await FaultAsync(Request(WsManActions.Release, SoftwareIdentity, new ReleaseRequestBody(released)), WsManActions.Fault);
        Assert.Equal("InvalidEnumerationContext", releaseAgain.Subcode);
    }

    [Fact]
    public async Task Enumeration_context_is_36_characters_as_amt_writes_it()
    {
        var contexts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            contexts.Add(await EnumerateAsync(SoftwareIdentity));
        }

        Assert.All(contexts, context =>
        {
            Assert.Equal(36, context.Length);
            Assert.Matches("^[0-9A-F]{8}-0000-0000-0000-000000000000$", context);
        });
        Assert.Equal(["01000000-0000-0000-0000-000000000000", "02000000-0000-0000-0000-000000000000", "03000000-0000-0000-0000-000000000000"], contexts);
    }

    [Fact]
    public async Task Enumeration_expires_when_left_unpulled()
    {
        var clock = new ManualTimeProvider();
        var dispatcher = new WsManDispatcher(_service, new EnumerationContexts(clock) { Lifetime = TimeSpan.FromMinutes(1) });
        var (enumerated, _, _) = await DispatchAsync(Request(WsManActions.Enumerate, SoftwareIdentity, new EnumerateRequestBody()), dispatcher);
        var context = Assert.IsType<EnumerateResponseBody>(enumerated.Body).Context;
        var (first, _, _) = await DispatchAsync(Request(WsManActions.Pull, SoftwareIdentity, new PullRequestBody(context, 1)), dispatcher);
        Assert.IsType<PullResponseBody>(first.Body);

        clock.Advance(TimeSpan.FromMinutes(2));
        var (expired, isFault, _) = await DispatchAsync(Request(WsManActions.Pull, SoftwareIdentity, new PullRequestBody(context, 1)), dispatcher);

        Assert.True(isFault);
        Assert.Equal("InvalidEnumerationContext", Assert.IsType<FaultResponseBody>(expired.Body).Fault.Subcode);
    }

    [Theory]
    [InlineData(EnumerationMode.ObjectsAndReferences, true, true)]
    [InlineData(EnumerationMode.References, false, true)]
    [InlineData(EnumerationMode.Objects, true, false)]
    public async Task Enumeration_mode_shapes_the_items(EnumerationMode mode, bool withObject, bool withReference)
    {
        var context = await EnumerateAsync(PowerService, mode);

        var item = Assert.Single((await PullAsync(PowerService, context)).Items);

        Assert.Equal(withObject, item.Object is not null);
        Assert.Equal(withReference, item.Reference is not null);
        if (withObject)
        {
            Assert.Equal("Intel(r) AMT Power Management Service", item.Object!.GetString("Name"));
        }

        if (withReference)
        {
            Assert.Equal(PowerService, item.Reference!.ResourceUri);
            Assert.Equal("Intel(r) AMT Power Management Service", item.Reference.Selectors.Value("Name"));
            Assert.Equal("CIM_PowerManagementService", item.Reference.Selectors.Value("CreationClassName"));
        }
    }

    [Fact]
    public async Task Method_is_routed_by_resource_uri_and_name()
    {
        var input = WsManObject.MethodInput("CIM_PowerManagementService", "RequestPowerStateChange")
            .With("PowerState", 8)
            .With("ManagedElement", EndpointReference.For("CIM_ComputerSystem", ("Name", "ManagedSystem")));
        var selectors = SelectorSet.Of(("Name", "Intel(r) AMT Power Management Service"));

        var (response, isFault, text) = await DispatchAsync(Request(PowerService + "/RequestPowerStateChange", PowerService, new ObjectRequestBody(input)) with { Selectors = selectors });

        Assert.False(isFault);
        Assert.Equal(PowerService + "/RequestPowerStateChangeResponse", response.Action);
        var output = Assert.IsType<ObjectResponseBody>(response.Body).Object;
        Assert.Equal("RequestPowerStateChange_OUTPUT", output.Name);
        Assert.Equal(0, output.GetInt32("ReturnValue"));
        Assert.Contains("<g:RequestPowerStateChange_OUTPUT><g:ReturnValue>0</g:ReturnValue>", text, StringComparison.Ordinal);
        var call = Assert.Single(_service.Invocations);
        Assert.Equal((PowerService, "RequestPowerStateChange"), (call.ResourceUri, call.Method));
        Assert.Equal("Intel(r) AMT Power Management Service", call.Selectors.Value("Name"));
        ElementAssert.Equal(input, call.Input);
    }

    [Fact]
    public async Task Method_without_a_body_gets_an_empty_input()
    {
        var (response, _, _) = await DispatchAsync(Request(PowerService + "/RequestStateChange", PowerService));

        Assert.Equal(PowerService + "/RequestStateChangeResponse", response.Action);
        var call = Assert.Single(_service.Invocations);
        Assert.Equal(("RequestStateChange_INPUT", PowerService, 0), (call.Input.Name, call.Input.Namespace, call.Input.Properties.Count));
    }

    [Theory]
    [InlineData("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", PowerService)]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService/SetBootConfigRole", PowerService)]
    [InlineData("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetFragment", GeneralSettings)]
    public async Task Unknown_action_is_not_supported(string action, string resourceUri)
    {
        var (response, isFault, text) = await DispatchAsync(Request(action, resourceUri));

        Assert.True(isFault);
        Assert.Equal(WsManActions.AddressingFault, response.Action);
        var fault = Assert.IsType<FaultResponseBody>(response.Body).Fault;
        Assert.Equal(("ActionNotSupported", WsManNamespaces.Addressing), (fault.Subcode, fault.SubcodeNamespace));
        Assert.Contains("<a:Value>b:ActionNotSupported</a:Value>", text, StringComparison.Ordinal);
        Assert.Empty(_service.Invocations);
    }

    [Fact]
    public async Task Unknown_class_is_destination_unreachable_with_the_addressing_fault_action()
    {
        var fault = await FaultAsync(Request(WsManActions.Get, "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Processor"), WsManActions.AddressingFault);

        Assert.Equal(("DestinationUnreachable", WsManNamespaces.Addressing, "Sender"), (fault.Subcode, fault.SubcodeNamespace, fault.Code));
        Assert.Equal(WsManFaults.FaultDetailBase + "InvalidResourceURI", fault.Detail);
    }

    [Fact]
    public async Task Request_without_resource_uri_is_destination_unreachable()
    {
        var fault = await FaultAsync(Request("http://example.invalid/SomeAction", ""), WsManActions.AddressingFault);

        Assert.Equal("DestinationUnreachable", fault.Subcode);
    }

    [Theory]
    [InlineData(49_999, true)]
    [InlineData(1, true)]
    [InlineData(50_000, false)]
    [InlineData(153_600, false)]
    public async Task Max_envelope_size_below_50000_is_an_encoding_limit_fault(int size, bool refused)
    {
        var (response, isFault, _) = await DispatchAsync(Request(WsManActions.Get, GeneralSettings) with { MaxEnvelopeSize = size });

        Assert.Equal(refused, isFault);
        if (refused)
        {
            var fault = Assert.IsType<FaultResponseBody>(response.Body).Fault;
            Assert.Equal(("EncodingLimit", WsManNamespaces.WsMan), (fault.Subcode, fault.SubcodeNamespace));
            Assert.Equal(WsManFaults.FaultDetailBase + "MaxEnvelopeSize", fault.Detail);
            Assert.Equal(WsManActions.Fault, response.Action);
            Assert.Empty(_service.Calls);
        }
    }

    [Fact]
    public async Task Message_ids_are_amt_uuids_counting_up_in_twelve_upper_case_hex_digits()
    {
        var dispatcher = new WsManDispatcher(_service, firstMessageNumber: 0xFFFFFFFFE);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await DispatchAsync(Request(WsManActions.Get, GeneralSettings), dispatcher)).Response.MessageId);
        }

        ids.Add((await DispatchAsync(Request(WsManActions.Get, "http://example.invalid/Nothing"), dispatcher)).Response.MessageId);

        Assert.Equal(
            ["uuid:00000000-8086-8086-8086-000FFFFFFFFF", "uuid:00000000-8086-8086-8086-001000000000", "uuid:00000000-8086-8086-8086-001000000001", "uuid:00000000-8086-8086-8086-001000000002"],
            ids);
        Assert.All(ids, id => Assert.Matches("^uuid:00000000-8086-8086-8086-[0-9A-F]{12}$", id));
    }

    [Fact]
    public async Task Default_message_ids_start_after_0x100()
    {
        var first = (await DispatchAsync(Request(WsManActions.Get, GeneralSettings))).Response.MessageId;
        var second = (await DispatchAsync(Request(WsManActions.Get, GeneralSettings))).Response.MessageId;

        Assert.Equal("uuid:00000000-8086-8086-8086-000000000101", first);
        Assert.Equal(long.Parse(first[^12..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) + 1, long.Parse(second[^12..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("uuid:00000000-8086-8086-8086-000000000001")]
    [InlineData("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")]
    [InlineData("odd & <id> \"quoted\"")]
    public async Task Relates_to_echoes_the_message_id_verbatim_on_replies_and_faults(string messageId)
    {
        var (reply, _, _) = await DispatchAsync(Request(WsManActions.Get, GeneralSettings, messageId: messageId));
        var (fault, isFault, _) = await DispatchAsync(Request(WsManActions.Get, "http://example.invalid/Nothing", messageId: messageId));

        Assert.Equal(messageId, reply.RelatesTo);
        Assert.True(isFault);
        Assert.Equal(messageId, fault.RelatesTo);
    }

    [Fact]
    public async Task Bytes_that_are_not_xml_are_left_to_the_http_layer()
    {
        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => _dispatcher.DispatchAsync("<Envelope"u8.ToArray(), Ct).AsTask());

        Assert.Equal(ProtocolViolation.MalformedXml, exception.Violation);
    }
}
