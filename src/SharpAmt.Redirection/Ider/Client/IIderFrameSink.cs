namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// Where the client's IDE-R answers go: the session numbers them and sends them in order, gathered into few writes
/// (only the device side must keep messages apart for amtider, reference §6.7; a device cuts the stream itself).
/// </summary>
public interface IIderFrameSink
{
    /// <summary>The client's next outgoing sequence number.</summary>
    uint NextSequence();

    /// <summary>A buffer of at least <paramref name="size"/> bytes for the next message.</summary>
    Memory<byte> GetBuffer(int size);

    /// <summary>Commits the first <paramref name="size"/> bytes of the last buffer as one message; it is on the wire at the latest when the answer ends.</summary>
    ValueTask SendAsync(int size, CancellationToken cancellationToken = default);
}
