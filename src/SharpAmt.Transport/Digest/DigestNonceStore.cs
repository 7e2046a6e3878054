using System.Security.Cryptography;

namespace SharpAmt.Transport.Digest;

public enum NonceState
{
    Fresh,
    Stale,
    Unknown,
}

/// <summary>
/// The nonces a device has issued. A nonce may be reused with any nc until it ages out or, when a limit is
/// set, has been used that many times; then it is stale and the client must take the fresh challenge.
/// </summary>
public sealed class DigestNonceStore
{
    private const int Capacity = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly TimeProvider _time;

    public DigestNonceStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Uses after which a nonce turns stale; 0 means unlimited.</summary>
    public int MaxUses { get; set; }

    /// <summary>
    /// A new 32-character nonce. Base64 of 24 random bytes has no padding, so the value never holds '=',
    /// which MeshCentral's challenge parser would cut at.
    /// </summary>
    public string Issue()
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        lock (_lock)
        {
            _entries[nonce] = new Entry(_time.GetUtcNow());
            _order.Enqueue(nonce);
            while (_order.Count > Capacity)
            {
                _entries.Remove(_order.Dequeue());
            }
        }

        return nonce;
    }

    /// <summary>Counts one use of the nonce and says whether it is still good.</summary>
    public NonceState Use(string nonce)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(nonce, out var entry))
            {
                return NonceState.Unknown;
            }

            entry.Uses++;
            var expired = _time.GetUtcNow() - entry.IssuedAt > Lifetime;
            var worn = MaxUses > 0 && entry.Uses > MaxUses;
            return expired || worn ? NonceState.Stale : NonceState.Fresh;
        }
    }

    private sealed class Entry(DateTimeOffset issuedAt)
    {
        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public int Uses { get; set; }
    }
}
