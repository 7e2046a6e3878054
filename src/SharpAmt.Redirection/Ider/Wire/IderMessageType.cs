namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>IDE-R opcodes (reference §6.1); the value is the first byte of the message, names as amtterm spells them.</summary>
public enum IderMessageType : byte
{
    /// <summary>0x40, client to device, 18 bytes.</summary>
    START_IDER_REDIRECTION = 0x40,

    /// <summary>0x41, device to client, 30 bytes plus the OEM data whose length is byte 29.</summary>
    START_IDER_REDIRECTION_REPLY = 0x41,
    END_IDER_REDIRECTION = 0x42,
    END_IDER_REDIRECTION_REPLY = 0x43,
    IDER_KEEP_ALIVE_PING = 0x44,
    IDER_KEEP_ALIVE_PONG = 0x45,

    /// <summary>0x46, device to client, 9 bytes: the host reset the IDE channel.</summary>
    IDER_RESET_OCCURED = 0x46,
    IDER_RESET_OCCURED_RESPONSE = 0x47,

    /// <summary>0x48, client to device, 13 bytes for type 3 (set), 9 for the query types.</summary>
    IDER_DISABLE_ENABLE_FEATURES = 0x48,
    IDER_DISABLE_ENABLE_FEATURES_REPLY = 0x49,
    IDER_ERROR_OCCURED = 0x4A,
    IDER_HEARTBEAT = 0x4B,

    /// <summary>0x50, device to client, 28 bytes: an ATA command with its 12-byte ATAPI packet.</summary>
    IDER_COMMAND_WRITTEN = 0x50,

    /// <summary>0x51, client to device, 31 bytes: final status and sense of a command.</summary>
    IDER_COMMAND_END_RESPONSE = 0x51,
    IDER_GET_DATA_FROM_HOST = 0x52,

    /// <summary>0x53, device to client, 14-byte header plus the LE16 length at byte 9.</summary>
    IDER_DATA_FROM_HOST = 0x53,

    /// <summary>0x54, client to device, 34-byte header plus the LE16 length at byte 9.</summary>
    IDER_DATA_TO_HOST = 0x54,
}
