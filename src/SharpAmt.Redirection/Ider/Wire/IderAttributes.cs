namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>Byte 3 of an IDE-R message (reference §6.5).</summary>
[Flags]
public enum IderAttributes : byte
{
    None = 0,

    /// <summary>The data phase used DMA (feature register bit 0 of the command).</summary>
    Dma = 0x01,

    /// <summary>The command is complete: the last 0x54 chunk or a 0x51; only meaningful on opcodes above 0x32.</summary>
    Completed = 0x02,
}
