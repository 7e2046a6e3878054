using SharpAmt.Transport;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;
using static SharpAmt.WsMan.Tests.Support.TestWsManService;

namespace SharpAmt.WsMan.Tests.Client;

/// <summary>The client end to end against the dispatcher served by the real HTTP device loop, with digest.</summary>
public sealed class WsManClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WsManClient Connect(WsManTestDevice device) => new(device.Options.Create());

    [Fact]
    public async Task Get_reads_an_instance()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);

        var settings = await client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct);
        var again = await client.GetAsync("AMT_GeneralSettings", SelectorSet.Of(("InstanceID", "Intel(r) AMT: General Settings")), Ct);

        Assert.Equal("nuc9", settings.GetString("HostName"));
        Assert.Equal(WsManTestDevice.Realm, again.GetString("DigestRealm"));
        Assert.Equal(WsManTestDevice.Realm, client.Http.Realm);
        Assert.Equal("Intel(R) Active Management Technology 12.0.67.1579", client.Http.ServerHeader);
        var requests = device.Requests.ToArray();
        Assert.All(requests, request => Assert.Equal(WsManActions.Get, request.Action));
        Assert.Equal("Intel(r) AMT: General Settings", requests[1].Selectors.Value("InstanceID"));
        Assert.Equal(2, client.Http.ConnectionsOpened);
    }

    [Fact]
    public async Task Put_sends_the_instance_and_returns_the_device_copy()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);
        var settings = await client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct);

        var stored = await client.PutAsync(settings.With("HostName", "renamed"), SelectorSet.Of(("InstanceID", "Intel(r) AMT: General Settings")), Ct);

        Assert.Equal("renamed", stored.GetString("HostName"));
        var (selectors, instance) = Assert.Single(device.Service.Puts);
        Assert.Equal("Intel(r) AMT: General Settings", selectors.Value("InstanceID"));
        Assert.Equal("renamed", instance.GetString("HostName"));
        Assert.Equal("renamed", (await client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct)).GetString("HostName"));
    }

    [Fact]
    public async Task Create_and_delete()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);
        const string uri = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_AlarmClockOccurrence";

        var created = await client.CreateAsync(WsManObject.Create(uri, WsManElement.Leaf("InstanceID", uri, "wake")), Ct);
        await client.DeleteAsync(uri, created.Selectors, Ct);

        Assert.Equal("wake", created.Selectors.Value("InstanceID"));
        Assert.Empty(device.Service.Classes[uri]);
        Assert.Equal([WsManActions.Create, WsManActions.Delete], device.Requests.Select(request => request.Action));
    }

    [Fact]
    public async Task Enumerate_pulls_everything()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);

        var identities = await client.EnumerateObjectsAsync("CIM_SoftwareIdentity", Ct);

        Assert.Equal(11, identities.Count);
        Assert.Equal("12.0.67", identities.Single(identity => identity.GetString("InstanceID") == "AMT").GetString("VersionString"));
        Assert.Equal([WsManActions.Enumerate, WsManActions.Pull], device.Requests.Select(request => request.Action));
    }

    [Fact]
    public async Task Enumerate_follows_a_device_that_pages()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);

        var items = await client.EnumerateAsync("CIM_SoftwareIdentity", new WsManEnumerationOptions { MaxElements = 3, Mode = EnumerationMode.ObjectsAndReferences }, Ct);

        Assert.Equal(11, items.Count);
        Assert.Equal(
            ["Flash", "Netstack", "AMTApps", "AMT", "Sku", "VendorID", "Build Number", "Recovery Version", "Recovery Build Num", "Legacy Mode", "AMT FW Core Version"],
            items.Select(item => item.Object!.GetString("InstanceID")));
        Assert.All(items, item => Assert.Equal(item.Object!.GetString("InstanceID"), item.Reference!.Selectors.Value("InstanceID")));
        var pulls = device.Requests.Where(request => request.Action == WsManActions.Pull).Select(request => (PullRequestBody)request.Body!).ToArray();
        Assert.Equal(4, pulls.Length);
        Assert.All(pulls, pull => Assert.Equal(3, pull.MaxElements));
        Assert.Single(pulls.Select(pull => pull.Context).Distinct());
        Assert.Equal(EnumerationMode.ObjectsAndReferences, ((EnumerateRequestBody)device.Requests.First().Body!).Mode);
    }

    [Fact]
    public async Task Invoke_sends_selectors_and_a_reference_argument()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);
        var input = WsManObject.MethodInput("CIM_PowerManagementService", "RequestPowerStateChange")
            .With("PowerState", 8)
            .With("ManagedElement", EndpointReference.For("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", "ManagedSystem")));
        var selectors = SelectorSet.Of(("CreationClassName", "CIM_PowerManagementService"), ("Name", "Intel(r) AMT Power Management Service"));

        var output = await client.InvokeAsync("CIM_PowerManagementService", "RequestPowerStateChange", input, selectors, Ct);

        Assert.Equal("RequestPowerStateChange_OUTPUT", output.Name);
        Assert.Equal(0u, output.GetUInt32("ReturnValue"));
        var call = Assert.Single(device.Service.Invocations);
        Assert.Equal((PowerService, "RequestPowerStateChange"), (call.ResourceUri, call.Method));
        Assert.Equal(selectors.Select(selector => (selector.Name, selector.Value)), call.Selectors.Select(selector => (selector.Name, selector.Value)));
        Assert.Equal(8, call.Input.GetInt32("PowerState"));
        var reference = call.Input.GetReference("ManagedElement")!;
        Assert.Equal("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem", reference.ResourceUri);
        Assert.Equal("ManagedSystem", reference.Selectors.Value("Name"));
        Assert.Equal(PowerService + "/RequestPowerStateChange", device.Requests.Single().Action);
    }

    [Fact]
    public async Task Soap_fault_surfaces_with_subcode_and_reason()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);

        var absent = await Assert.ThrowsAsync<WsManFaultException>(() => client.GetAsync("CIM_Processor", cancellationToken: Ct));
        var badSelectors = await Assert.ThrowsAsync<WsManFaultException>(() => client.GetAsync("AMT_GeneralSettings", SelectorSet.Of(("InstanceID", "nope")), Ct));

        Assert.Equal(400, absent.HttpStatus);
        Assert.Equal(("DestinationUnreachable", WsManNamespaces.Addressing, "Sender"), (absent.Fault.Subcode, absent.Fault.SubcodeNamespace, absent.Fault.Code));
        Assert.Equal(WsManFaults.DestinationUnreachable().Reason, absent.Fault.Reason);
        Assert.True(absent.MeansNotPresent);
        Assert.Contains("Get CIM_Processor", absent.Message, StringComparison.Ordinal);
        Assert.Contains("DestinationUnreachable: No route can be determined", absent.Message, StringComparison.Ordinal);
        Assert.Equal(("InvalidSelectors", 400), (badSelectors.Fault.Subcode, badSelectors.HttpStatus));
        Assert.False(badSelectors.MeansNotPresent);
        Assert.IsAssignableFrom<AmtCommandException>(badSelectors);
        Assert.Equal("nuc9", (await client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct)).GetString("HostName"));
    }

    [Fact]
    public async Task Bare_http_400_page_surfaces_with_its_text()
    {
        await using var device = new WsManTestDevice();
        device.Override = _ => device.Replies.BadRequest("Missing required parameter ResourceURI");
        await using var client = Connect(device);

        var exception = await Assert.ThrowsAsync<WsManFaultException>(() => client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct));

        Assert.Equal(400, exception.HttpStatus);
        Assert.Equal(WsManFaultException.HttpBadRequestSubcode, exception.Fault.Subcode);
        Assert.True(exception.MeansNotPresent);
        Assert.StartsWith("HTTP 400 Bad Request: ", exception.Fault.Reason, StringComparison.Ordinal);
        Assert.Contains("Bad Request. Missing required parameter ResourceURI", exception.Fault.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("<", exception.Fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_to_another_request_is_a_protocol_error()
    {
        await using var device = new WsManTestDevice();
        device.Override = request => device.Replies.Soap(WsManResponseWriter.Write(
            new WsManResponse(WsManActions.Get + "Response", "uuid:00000000-0000-0000-0000-0000000000FF",
                new ObjectResponseBody(WsManObject.Create("AMT_GeneralSettings", WsManElement.Leaf("HostName", GeneralSettings, "someone else"))))
            {
                MessageId = "uuid:00000000-8086-8086-8086-000000000001",
                ResourceUri = request.ResourceUri,
            }));
        await using var client = Connect(device);

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct));

        Assert.Equal(ProtocolViolation.UnexpectedXml, exception.Violation);
        Assert.Equal(client.Http.Endpoint, exception.Endpoint);
        Assert.Contains("uuid:00000000-0000-0000-0000-0000000000FF", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ids_are_unique_and_echoed()
    {
        await using var device = new WsManTestDevice();
        await using var client = Connect(device);

        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct);
        }

        var ids = device.Requests.Select(request => request.MessageId).ToArray();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^uuid:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", id));
    }

    [Fact]
    public async Task Device_that_never_ends_its_sequence_is_stopped_by_max_pulls()
    {
        await using var device = new WsManTestDevice();
        var item = WsManObject.Create("CIM_SoftwareIdentity", WsManElement.Leaf("InstanceID", SoftwareIdentity, "again"));
        device.Override = request => request.Action != WsManActions.Pull
            ? null
            : device.Replies.Soap(WsManResponseWriter.Write(
                new WsManResponse(WsManActions.Pull + "Response", request.MessageId, new PullResponseBody([new PulledItem(item, null)], ((PullRequestBody)request.Body!).Context, EndOfSequence: false))
                {
                    MessageId = "uuid:00000000-8086-8086-8086-000000000001",
                    ResourceUri = request.ResourceUri,
                }));
        await using var client = Connect(device);

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => client.EnumerateAsync("CIM_SoftwareIdentity", new WsManEnumerationOptions { MaxPulls = 5 }, Ct));

        Assert.Equal(ProtocolViolation.UnexpectedXml, exception.Violation);
        Assert.Contains("did not end after 5 pulls", exception.Message, StringComparison.Ordinal);
        Assert.Equal(5, device.Requests.Count(request => request.Action == WsManActions.Pull));
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_error()
    {
        await using var device = new WsManTestDevice();
        await using var client = new WsManClient(device.Options.Create(password: "not-it"));

        var exception = await Assert.ThrowsAsync<AmtAuthenticationException>(() => client.GetAsync("AMT_GeneralSettings", cancellationToken: Ct));

        Assert.DoesNotContain("not-it", exception.Message, StringComparison.Ordinal);
        Assert.Empty(device.Requests);
    }
}
