using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>Writes any IDE-R message into a buffer writer without intermediate copies.</summary>
public static class IderMessageWriter
{
    public static int Write<T>(IBufferWriter<byte> writer, in T message) where T : struct, IIderMessage<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        var size = message.GetSize();
        var written = message.Write(writer.GetSpan(size));
        writer.Advance(written);
        return written;
    }

    /// <summary>The message's bytes in a new array, for tests and traces.</summary>
    public static byte[] ToArray<T>(in T message) where T : struct, IIderMessage<T>
    {
        var bytes = new byte[message.GetSize()];
        message.Write(bytes);
        return bytes;
    }
}
