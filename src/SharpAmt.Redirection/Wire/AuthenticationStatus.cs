namespace SharpAmt.Redirection.Wire;

/// <summary>Status byte of 0x14. Failure also carries the digest challenge.</summary>
public enum AuthenticationStatus : byte
{
    Success = 0,
    Failure = 1,
    NotSupported = 2,
}
