namespace SharpAmt.Redirection.Wire;

/// <summary>
/// The first byte of every redirection message (reference section 6.1), named as in amtterm's
/// RedirectionConstants.h so a reader can grep both. 0x40/0x41 also open KVM after a "KVMR" start.
/// </summary>
public enum RedirectionMessageType : byte
{
    StartRedirectionSession = 0x10,
    StartRedirectionSessionReply = 0x11,
    EndRedirectionSession = 0x12,
    AuthenticateSession = 0x13,
    AuthenticateSessionReply = 0x14,

    StartSolRedirection = 0x20,
    StartSolRedirectionReply = 0x21,
    EndSolRedirection = 0x22,
    EndSolRedirectionReply = 0x23,
    SolKeepAlivePing = 0x24,
    SolKeepAlivePong = 0x25,

    /// <summary>Unnamed; MeshCommander sends it once after 0x21. Accepted and ignored.</summary>
    SolMeshCommanderSettings = 0x27,
    SolDataToHost = 0x28,
    SolControlsFromHost = 0x29,
    SolDataFromHost = 0x2A,
    SolHeartbeat = 0x2B,

    StartIderRedirection = 0x40,
    StartIderRedirectionReply = 0x41,
}
