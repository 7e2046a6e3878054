using SharpAmt.Transport.Digest;

namespace SharpAmt.Simulator.Faults;

/// <summary>
/// Misbehaviour a simulated device can be told to show, for testing how clients cope. Settable while the
/// device runs; counters count down as faults are spent.
/// </summary>
public sealed class FaultInjection
{
    private readonly DigestNonceStore _nonces;
    private int _sleepingConnections;
    private int _droppedReplies;

    public FaultInjection(DigestNonceStore nonces)
    {
        _nonces = nonces;
    }

    /// <summary>Added before every reply.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>The next N connection attempts are reset unanswered, as a sleeping ME ignores them until nudged.</summary>
    public int SleepingConnections
    {
        get => Volatile.Read(ref _sleepingConnections);
        set => Volatile.Write(ref _sleepingConnections, value);
    }

    /// <summary>The next N authenticated requests get half a reply, then the connection drops; the request is not acted on.</summary>
    public int DroppedReplies
    {
        get => Volatile.Read(ref _droppedReplies);
        set => Volatile.Write(ref _droppedReplies, value);
    }

    /// <summary>A nonce turns stale after this many uses (0: only age makes nonces stale).</summary>
    public int NonceUses
    {
        get => _nonces.MaxUses;
        set => _nonces.MaxUses = value;
    }

    public bool TakeSleepingConnection() => TakeOne(ref _sleepingConnections);

    public bool TakeDroppedReply() => TakeOne(ref _droppedReplies);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
