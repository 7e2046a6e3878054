namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>0x12, C→D, 4 bytes: <c>12 00 00 00</c>. amtterm sends it after 0x23; MeshCommander never does.</summary>
public sealed record EndRedirectionSession : IRedirectionMessage
{
    public static EndRedirectionSession Instance { get; } = new();

    public RedirectionMessageType Type => RedirectionMessageType.EndRedirectionSession;

    public int Size => 4;

    public void Write(Span<byte> destination) => RedirectionMessage.WriteType(destination, Type);
}
