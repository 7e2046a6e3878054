namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// Where the client's IDE-R answers go: the session core numbers them and sends each as its own write (amtider
/// loses messages that arrive coalesced, reference §6.7).
/// </summary>
public interface IIderFrameSink
{
    /// <summary>The client's next outgoing sequence number.</summary>
    uint NextSequence();

    /// <summary>A buffer of at least <paramref name="size"/> bytes for the next message.</summary>
    Memory<byte> GetBuffer(int size);

    /// <summary>Sends the first <paramref name="size"/> bytes of the last buffer as one message.</summary>
    ValueTask SendAsync(int size, CancellationToken cancellationToken = default);
}
