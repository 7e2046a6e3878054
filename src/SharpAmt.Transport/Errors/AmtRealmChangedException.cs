namespace SharpAmt.Transport;

/// <summary>
/// The device presents a digest realm other than the one remembered for it: it was re-provisioned, or another
/// device answers at its address.
/// </summary>
public sealed class AmtRealmChangedException : AmtException
{
    public AmtRealmChangedException(string endpoint, string rememberedRealm, string presentedRealm, string? knownHostsPath)
        : base(FormatMessage(endpoint, rememberedRealm, presentedRealm, knownHostsPath))
    {
        Endpoint = endpoint;
        RememberedRealm = rememberedRealm;
        PresentedRealm = presentedRealm;
    }

    public string Endpoint { get; }

    public string RememberedRealm { get; }

    public string PresentedRealm { get; }

    private static string FormatMessage(string endpoint, string remembered, string presented, string? path) =>
        $"{endpoint}: digest realm changed: remembered {remembered}, device presents {presented}" +
        (path is null ? "" : $"; if the device was re-provisioned, remove its realm line from {path}");
}
