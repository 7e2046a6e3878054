namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>Byte 8 of 0x48 and 0x49 (reference §6.5.2).</summary>
public enum IderFeatureRequest : byte
{
    /// <summary>REGS_AVAIL: which features the device supports (9-byte request).</summary>
    GetSupported = 1,

    /// <summary>REGS_STATUS: whether IDE-R is enabled, bit 1 of the reply value (9-byte request).</summary>
    GetRegisterState = 2,

    /// <summary>REGS_TOGGLE: enable with a start mode (13-byte request); the reply value 1 means success.</summary>
    SetRegisterState = 3,
}
