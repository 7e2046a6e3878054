using System.Collections.Concurrent;

namespace SharpAmt.Transport.Tls;

public sealed class InMemoryTrustStore : IDeviceTrustStore
{
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _realms = new(StringComparer.OrdinalIgnoreCase);

    public string? Location => null;

    public string? FindPin(string hostPort) => _pins.GetValueOrDefault(hostPort);

    public void AddPin(string hostPort, string fingerprint) => _pins[hostPort] = fingerprint;

    public string? FindRealm(string host) => _realms.GetValueOrDefault(host);

    public void RememberRealm(string host, string realm) => _realms[host] = realm;
}
