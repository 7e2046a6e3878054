namespace SharpAmt.Transport.Http.Device;

/// <summary>A reply for the device to write; what to do with the connection afterwards travels with it.</summary>
public sealed record HttpDeviceReply(int StatusCode, string ReasonPhrase, HttpHeaders Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>Close the connection once the reply is written (after a 401 or a fault, as AMT does).</summary>
    public bool CloseConnection { get; init; }

    /// <summary>Largest chunk when the headers ask for chunked encoding.</summary>
    public int ChunkSize { get; init; } = 0x0400;

    /// <summary>Fault injection: write only this many bytes of the reply, then drop the connection.</summary>
    public int? TruncateAfterBytes { get; init; }
}
