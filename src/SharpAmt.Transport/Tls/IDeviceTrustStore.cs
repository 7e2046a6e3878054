namespace SharpAmt.Transport.Tls;

/// <summary>What is remembered about devices between runs: TLS pins per host:port and the digest realm per host.</summary>
public interface IDeviceTrustStore
{
    /// <summary>Where the store lives, for messages that tell the user what to edit; null when in memory.</summary>
    string? Location { get; }

    string? FindPin(string hostPort);

    void AddPin(string hostPort, string fingerprint);

    string? FindRealm(string host);

    void RememberRealm(string host, string realm);
}
