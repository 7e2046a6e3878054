namespace SharpAmt.Eoi;

/// <summary>
/// One of the legacy EOI SOAP services (reference section 5.1): the path it is posted to, its namespace, and the
/// name its replies give the PT_STATUS element.
/// </summary>
public sealed record EoiService
{
    private const string NamespaceBase = "http://schemas.intel.com/platform/client/";

    internal EoiService(string name, string statusElement)
    {
        Name = name;
        Path = "/" + name + "Service";
        Namespace = NamespaceBase + name + "/2004/01";
        StatusElement = statusElement;
    }

    /// <summary>The interface name, e.g. <c>RemoteControl</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP path, e.g. <c>/RemoteControlService</c>.</summary>
    public string Path { get; }

    public string Namespace { get; }

    /// <summary>
    /// The first child of every reply. The RemoteControl interface calls it <c>Status</c> (Intel SDK
    /// RemoteControlSample and amtc, confirmed); the SDK's gSOAP stubs of the other interfaces call it
    /// <c>StatusCode</c> (unconfirmed here). amttool reads it by position, and the client accepts either name.
    /// </summary>
    public string StatusElement { get; }

    public override string ToString() => Name;
}

/// <summary>The services SharpAMT speaks, and lookups by path and namespace.</summary>
public static class EoiServices
{
    public static EoiService SecurityAdministration { get; } = new("SecurityAdministration", "StatusCode");

    public static EoiService NetworkAdministration { get; } = new("NetworkAdministration", "StatusCode");

    public static EoiService RemoteControl { get; } = new("RemoteControl", "Status");

    public static IReadOnlyList<EoiService> All { get; } = [SecurityAdministration, NetworkAdministration, RemoteControl];

    /// <summary>The service posted to at <paramref name="path"/>, or null (paths are case-sensitive, as on AMT).</summary>
    public static EoiService? FindByPath(string path)
    {
        foreach (var service in All)
        {
            if (string.Equals(service.Path, path, StringComparison.Ordinal))
            {
                return service;
            }
        }

        return null;
    }

    public static EoiService? FindByNamespace(string ns)
    {
        foreach (var service in All)
        {
            if (string.Equals(service.Namespace, ns, StringComparison.Ordinal))
            {
                return service;
            }
        }

        return null;
    }
}
