namespace SharpAmt.Redirection.Device;

/// <summary>
/// What the device side needs from the device's accounts to check a redirection login: the digest realm, each
/// user's HA1 (no clear passwords are kept), the lockout against guessing, and the nonces it issues.
/// </summary>
public interface IRedirectionAccounts
{
    string Realm { get; }

    /// <summary>MD5(user:realm:password) in lower-case hex; null for an unknown user.</summary>
    string? FindHa1(string user);

    bool IsLockedOut { get; }

    void RecordFailure();

    void RecordSuccess();

    /// <summary>A fresh nonce of at most 32 characters (amtterm's limit).</summary>
    string IssueNonce();

    /// <summary>Counts a use of a nonce this device issued; false when unknown or stale.</summary>
    bool UseNonce(string nonce);
}
