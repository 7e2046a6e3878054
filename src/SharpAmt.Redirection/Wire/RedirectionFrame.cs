namespace SharpAmt.Redirection.Wire;

/// <summary>One whole received message, header included, in its own array (it outlives the pipe's buffer).</summary>
public readonly record struct RedirectionFrame(RedirectionMessageType Type, byte[] Bytes)
{
    public ReadOnlySpan<byte> Span => Bytes;

    public int Length => Bytes.Length;
}
