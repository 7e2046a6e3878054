namespace SharpAmt.Redirection.Wire;

/// <summary>
/// The opcodes one side may receive on a connection, with each one's length. A connection starts with the
/// session and authentication opcodes; the feature in use adds its own once started (SOL here; IDE-R in
/// Ider/Wire/IderFrames, KVM likewise from its own files, since 0x40/0x41 mean different things for each). Tables are
/// built once and frozen so that connections can share them.
/// </summary>
public sealed class RedirectionFrameTable
{
    /// <summary>Largest message either side accepts: SOL data carries up to 64 KiB plus its header.</summary>
    public const int DefaultMaxFrameLength = 65_535 + 64;

    private readonly FrameLength?[] _lengths = new FrameLength?[256];
    private bool _frozen;

    public RedirectionFrameTable(int maxFrameLength = DefaultMaxFrameLength)
    {
        MaxFrameLength = maxFrameLength;
    }

    public int MaxFrameLength { get; }

    /// <summary>The session and authentication messages (0x10–0x14) in both directions.</summary>
    public static RedirectionFrameTable Session { get; } = new RedirectionFrameTable().AddSession().Freeze();

    /// <summary>Session, authentication and SOL messages.</summary>
    public static RedirectionFrameTable Sol { get; } = new RedirectionFrameTable().AddSession().AddSol().Freeze();

    public RedirectionFrameTable Register(RedirectionMessageType type, FrameLength length) => Register((byte)type, length);

    /// <summary>The hook for other features: adds or replaces an opcode's length.</summary>
    public RedirectionFrameTable Register(byte type, FrameLength length)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("this frame table is shared and cannot change; copy it with Clone()");
        }

        _lengths[type] = length;
        return this;
    }

    public RedirectionFrameTable Freeze()
    {
        _frozen = true;
        return this;
    }

    /// <summary>An unfrozen copy, to add a feature's opcodes to a shared table.</summary>
    public RedirectionFrameTable Clone()
    {
        var copy = new RedirectionFrameTable(MaxFrameLength);
        Array.Copy(_lengths, copy._lengths, _lengths.Length);
        return copy;
    }

    public bool TryGetLength(byte type, out FrameLength length)
    {
        if (_lengths[type] is { } known)
        {
            length = known;
            return true;
        }

        length = default;
        return false;
    }

    /// <summary>Section 6.1: 0x10–0x14.</summary>
    public RedirectionFrameTable AddSession() => this
        .Register(RedirectionMessageType.StartRedirectionSession, FrameLength.Fixed(8))
        .Register(RedirectionMessageType.StartRedirectionSessionReply, FrameLength.HeaderAndPayload(13, 12, 1))
        .Register(RedirectionMessageType.EndRedirectionSession, FrameLength.Fixed(4))
        .Register(RedirectionMessageType.AuthenticateSession, FrameLength.HeaderAndPayload(9, 5, 4))
        .Register(RedirectionMessageType.AuthenticateSessionReply, FrameLength.HeaderAndPayload(9, 5, 4));

    /// <summary>Section 6.4: 0x20–0x2B.</summary>
    public RedirectionFrameTable AddSol() => this
        .Register(RedirectionMessageType.StartSolRedirection, FrameLength.Fixed(24))
        .Register(RedirectionMessageType.StartSolRedirectionReply, FrameLength.Fixed(23))
        .Register(RedirectionMessageType.EndSolRedirection, FrameLength.Fixed(8))
        .Register(RedirectionMessageType.EndSolRedirectionReply, FrameLength.Fixed(8))
        .Register(RedirectionMessageType.SolKeepAlivePing, FrameLength.Fixed(8))
        .Register(RedirectionMessageType.SolKeepAlivePong, FrameLength.Fixed(8))
        .Register(RedirectionMessageType.SolMeshCommanderSettings, FrameLength.Fixed(14))
        .Register(RedirectionMessageType.SolDataToHost, FrameLength.HeaderAndPayload(10, 8, 2))
        .Register(RedirectionMessageType.SolControlsFromHost, FrameLength.Fixed(10))
        .Register(RedirectionMessageType.SolDataFromHost, FrameLength.HeaderAndPayload(10, 8, 2))
        .Register(RedirectionMessageType.SolHeartbeat, FrameLength.Fixed(8));
}
