namespace SharpAmt.Transport.Digest;

public enum DigestVerdict
{
    Accepted,

    /// <summary>No Authorization header, or another scheme: answer with a challenge.</summary>
    NoCredentials,

    /// <summary>The header could not be read, or names another realm: answer with a challenge.</summary>
    Malformed,

    /// <summary>Right credentials, but the nonce is old or unknown: challenge again with stale="true".</summary>
    StaleNonce,

    /// <summary>Unknown user or wrong password: a failed logon.</summary>
    WrongCredentials,
}
