using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>
/// One IDE-R message type: writers size first, then write; readers take a whole message or consume nothing
/// (style §4 and §5), so the session, the tests and the simulator all call the same entry points.
/// </summary>
public interface IIderMessage<TSelf> where TSelf : struct, IIderMessage<TSelf>
{
    /// <summary>Bytes <see cref="Write"/> produces.</summary>
    int GetSize();

    /// <summary>Writes the message at the start of <paramref name="destination"/> and returns its size.</summary>
    int Write(Span<byte> destination);

    /// <summary>Reads one whole message; false, consuming nothing, when more bytes are needed.</summary>
    static abstract bool TryRead(ref SequenceReader<byte> reader, out TSelf message);
}
