namespace SharpAmt.Redirection.Wire;

/// <summary>Status byte of 0x11 and of the per-feature start replies (0x21, 0x41).</summary>
public enum RedirectionStatus : byte
{
    Success = 0,
    TypeUnknown = 1,
    Busy = 2,
    Unsupported = 3,

    /// <summary>
    /// The session needs user consent (reference section 4.4) and none was granted. Confirmed for IDE-R only:
    /// MeshCommander's IDE-R over Intel's IMRSDK (<c>Ylianst/MeshCommander amt-ider-node-0.0.1.js</c>) treats
    /// <c>11 05</c> as the device's first bytes as "user consent required", which IMRSDK itself reports as its
    /// error 38. That SOL is answered the same way, and what follows the two bytes, are unconfirmed.
    /// </summary>
    UserConsentRequired = 5,

    Error = 0xFF,
}
