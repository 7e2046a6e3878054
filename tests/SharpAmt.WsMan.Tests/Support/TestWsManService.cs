using System.Collections.Concurrent;
using SharpAmt.WsMan.Device;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Tests.Support;

/// <summary>
/// A small device model: classes holding instances, found by selectors (partial sets accepted), with every
/// call recorded. Unknown classes answer DestinationUnreachable, as AMT does for absent features.
/// </summary>
public sealed class TestWsManService : IWsManService
{
    public const string PowerService = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService";
    public const string SoftwareIdentity = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity";
    public const string GeneralSettings = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";

    public ConcurrentDictionary<string, List<ServedInstance>> Classes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<(string ResourceUri, string Method, SelectorSet Selectors, WsManObject Input)> Invocations { get; } = new();

    public ConcurrentQueue<(SelectorSet Selectors, WsManObject Instance)> Puts { get; } = new();

    public static TestWsManService WithAmtClasses(int softwareIdentities = 5)
    {
        var service = new TestWsManService();
        service.Add(WsManObject.Create("AMT_GeneralSettings",
            WsManElement.Leaf("DigestRealm", GeneralSettings, "Digest:727734D63A1FC0423736E48DA554E462"),
            WsManElement.Leaf("HostName", GeneralSettings, "nuc9"),
            WsManElement.Leaf("InstanceID", GeneralSettings, "Intel(r) AMT: General Settings")),
            ("InstanceID", "Intel(r) AMT: General Settings"));
        service.Add(WsManObject.Create("CIM_PowerManagementService",
            WsManElement.Leaf("CreationClassName", PowerService, "CIM_PowerManagementService"),
            WsManElement.Leaf("Name", PowerService, "Intel(r) AMT Power Management Service")),
            ("CreationClassName", "CIM_PowerManagementService"), ("Name", "Intel(r) AMT Power Management Service"));
        string[] ids = ["Flash", "Netstack", "AMTApps", "AMT", "Sku", "VendorID", "Build Number", "Recovery Version", "Recovery Build Num", "Legacy Mode", "AMT FW Core Version"];
        foreach (var id in ids.Take(softwareIdentities))
        {
            service.Add(WsManObject.Create("CIM_SoftwareIdentity",
                WsManElement.Leaf("InstanceID", SoftwareIdentity, id),
                WsManElement.Leaf("IsEntity", SoftwareIdentity, "true"),
                WsManElement.Leaf("VersionString", SoftwareIdentity, id == "AMT" ? "12.0.67" : "1579")),
                ("InstanceID", id));
        }

        return service;
    }

    public void Add(WsManObject instance, params (string Name, string Value)[] keys) =>
        Classes.GetOrAdd(instance.Namespace, _ => []).Add(new ServedInstance(instance, EndpointReference.For(instance.Namespace, keys)));

    private ServedInstance Find(string resourceUri, SelectorSet selectors)
    {
        if (!Classes.TryGetValue(resourceUri, out var instances))
        {
            throw new WsManFaultException(WsManFaults.DestinationUnreachable(WsManFaults.FaultDetailBase + "InvalidResourceURI"));
        }

        return instances.FirstOrDefault(instance => selectors.IsSatisfiedBy(instance.Reference.Selectors))
            ?? throw new WsManFaultException(WsManFaults.InvalidSelectors(WsManFaults.FaultDetailBase + "UnexpectedSelectors"));
    }

    public ValueTask<ServedObject> GetAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken)
    {
        Calls.Enqueue("Get " + ResourceUris.ClassName(resourceUri));
        return ValueTask.FromResult(new ServedObject(Find(resourceUri, selectors).Object));
    }

    public ValueTask<ServedObject> PutAsync(string resourceUri, SelectorSet selectors, WsManObject instance, CancellationToken cancellationToken)
    {
        Calls.Enqueue("Put " + ResourceUris.ClassName(resourceUri));
        var existing = Find(resourceUri, selectors);
        Puts.Enqueue((selectors, instance));
        var list = Classes[resourceUri];
        list[list.IndexOf(existing)] = existing with { Object = instance };
        return ValueTask.FromResult(new ServedObject(instance));
    }

    public ValueTask<EndpointReference> CreateAsync(string resourceUri, WsManObject instance, CancellationToken cancellationToken)
    {
        Calls.Enqueue("Create " + ResourceUris.ClassName(resourceUri));
        var id = instance.GetString("InstanceID") ?? "created";
        if (Classes.TryGetValue(resourceUri, out var existing) && existing.Any(item => item.Object.GetString("InstanceID") == id))
        {
            throw new WsManFaultException(WsManFaults.AlreadyExists());
        }

        Add(instance, ("InstanceID", id));
        return ValueTask.FromResult(EndpointReference.For(resourceUri, ("InstanceID", id)));
    }

    public ValueTask DeleteAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken)
    {
        Calls.Enqueue("Delete " + ResourceUris.ClassName(resourceUri));
        var existing = Find(resourceUri, selectors);
        Classes[resourceUri].Remove(existing);
        return ValueTask.CompletedTask;
    }

    public ValueTask<ServedEnumeration> EnumerateAsync(string resourceUri, CancellationToken cancellationToken)
    {
        Calls.Enqueue("Enumerate " + ResourceUris.ClassName(resourceUri));
        if (!Classes.TryGetValue(resourceUri, out var instances))
        {
            throw new WsManFaultException(WsManFaults.DestinationUnreachable());
        }

        return ValueTask.FromResult(new ServedEnumeration(instances.ToArray()));
    }

    public ValueTask<ServedObject> InvokeAsync(string resourceUri, string method, SelectorSet selectors, WsManObject input, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"Invoke {ResourceUris.ClassName(resourceUri)}.{method}");
        Find(resourceUri, selectors);
        Invocations.Enqueue((resourceUri, method, selectors, input));
        return ValueTask.FromResult(new ServedObject(WsManObject.MethodOutput(resourceUri, method, 0).With("Echo", input.Properties.Count)));
    }
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
