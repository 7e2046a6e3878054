namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>KvmExtCmd command bytes (reference §6.6.5, AMT ≥ 16).</summary>
public enum KvmExtCommandCode : byte
{
    /// <summary>AMT → client: the decimation state.</summary>
    DecimationState = 1,

    /// <summary>Client → AMT: 0 do not set, 1 disable, 2 auto, 3 enable.</summary>
    SetDecimation = 2,

    /// <summary>AMT → client: the compression (zlib) state.</summary>
    CompressionState = 3,

    /// <summary>Client → AMT: zlib 0 off, 1 on.</summary>
    SetZlib = 4,
}

/// <summary>
/// An in-band command carried in cut text: <c>\0KvmExtCmd\0</c> (11 bytes) + command + value, 13 bytes in all.
/// Anything else in ClientCutText or ServerCutText is clipboard text.
/// </summary>
public readonly record struct KvmExtCommand(KvmExtCommandCode Command, byte Value)
{
    public const int Size = 13;

    private static ReadOnlySpan<byte> Prefix => "\0KvmExtCmd\0"u8;

    public static bool TryParse(ReadOnlySpan<byte> cutText, out KvmExtCommand command)
    {
        command = default;
        if (cutText.Length != Size || !cutText.StartsWith(Prefix))
        {
            return false;
        }

        command = new KvmExtCommand((KvmExtCommandCode)cutText[11], cutText[12]);
        return true;
    }

    public byte[] ToCutText()
    {
        var bytes = new byte[Size];
        Prefix.CopyTo(bytes);
        bytes[11] = (byte)Command;
        bytes[12] = Value;
        return bytes;
    }
}
