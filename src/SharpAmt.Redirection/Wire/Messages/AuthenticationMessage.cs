using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// 0x13 AUTHENTICATE_SESSION (C→D) and 0x14 AUTHENTICATE_SESSION_REPLY (D→C) share one layout:
/// <code>
/// 0     0x13 | 0x14
/// 1     status (the client always sends 0)
/// 2–3   0
/// 4     authType
/// 5–8   payload length LE32
/// 9…    payload (see AuthenticationPayload)
/// </code>
/// </summary>
public sealed record AuthenticationMessage(RedirectionMessageType Type, AuthenticationStatus Status, AuthenticationType AuthenticationType, byte[] Payload)
    : IRedirectionMessage
{
    public int Size => 9 + Payload.Length;

    public static AuthenticationMessage Request(AuthenticationType type, byte[] payload) =>
        new(RedirectionMessageType.AuthenticateSession, AuthenticationStatus.Success, type, payload);

    public static AuthenticationMessage Reply(AuthenticationStatus status, AuthenticationType type, byte[]? payload = null) =>
        new(RedirectionMessageType.AuthenticateSessionReply, status, type, payload ?? []);

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        destination[1] = (byte)Status;
        destination[4] = (byte)AuthenticationType;
        BinaryPrimitives.WriteInt32LittleEndian(destination[5..], Payload.Length);
        Payload.CopyTo(destination[9..]);
    }

    public static AuthenticationMessage Read(RedirectionFrame frame)
    {
        if (frame.Type is not (RedirectionMessageType.AuthenticateSession or RedirectionMessageType.AuthenticateSessionReply) || frame.Length < 9)
        {
            throw RedirectionMessage.Malformed($"0x{(byte)frame.Type:X2} where an authentication message was expected");
        }

        var span = frame.Span;
        return new AuthenticationMessage(frame.Type, (AuthenticationStatus)span[1], (AuthenticationType)span[4], span[9..].ToArray());
    }

    /// <summary>Never shows the payload, which may hold a password.</summary>
    public override string ToString() => $"0x{(byte)Type:X2} status {Status} type {AuthenticationType} ({Payload.Length} payload bytes)";
}
