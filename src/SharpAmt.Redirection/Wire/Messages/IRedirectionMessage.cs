namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// A message either side can send: it knows its exact size first, then writes itself (little-endian) into a
/// span of that size. Messages are plain data without direction; the client and the device share them.
/// </summary>
public interface IRedirectionMessage
{
    RedirectionMessageType Type { get; }

    int Size { get; }

    void Write(Span<byte> destination);
}

public static class RedirectionMessage
{
    public static byte[] ToArray(IRedirectionMessage message)
    {
        var bytes = new byte[message.Size];
        message.Write(bytes);
        return bytes;
    }

    /// <summary>The 4-byte start most messages share: type, then three zero bytes.</summary>
    internal static void WriteType(Span<byte> destination, RedirectionMessageType type)
    {
        destination[0] = (byte)type;
        destination[1] = 0;
        destination[2] = 0;
        destination[3] = 0;
    }

    internal static void Expect(RedirectionFrame frame, RedirectionMessageType type, int minimumLength)
    {
        if (frame.Type != type || frame.Length < minimumLength)
        {
            throw Malformed($"0x{(byte)frame.Type:X2} where 0x{(byte)type:X2} of at least {minimumLength} bytes was expected");
        }
    }

    internal static Transport.AmtProtocolException Malformed(string detail) =>
        new(Transport.ProtocolViolation.MalformedRedirectionMessage, detail);
}
