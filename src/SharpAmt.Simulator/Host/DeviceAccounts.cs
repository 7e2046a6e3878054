using SharpAmt.Transport.Digest;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The device's digest accounts and its defence against guessing: after a run of failed logons every logon is
/// refused for a while, starting at 5 s and doubling to 80 s while failures continue; an hour without failures
/// forgets the history (Intel's documented behaviour).
/// </summary>
public sealed class DeviceAccounts
{
    private static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromSeconds(80);
    private static readonly TimeSpan Forgiveness = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _ha1ByUser = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _consecutiveFailures;
    private TimeSpan _nextLockout = FirstLockout;
    private DateTimeOffset _lockedUntil;
    private DateTimeOffset _lastFailure;

    public DeviceAccounts(string realm, TimeProvider time)
    {
        Realm = realm;
        _time = time;
    }

    public string Realm { get; }

    /// <summary>Consecutive failures that trigger a lockout; 0 turns the defence off.</summary>
    public int LockoutThreshold { get; set; } = 10;

    public void SetPassword(string user, string password)
    {
        lock (_lock)
        {
            _ha1ByUser[user] = DigestHash.Ha1(user, Realm, password);
        }
    }

    public string? FindHa1(string user)
    {
        lock (_lock)
        {
            return _ha1ByUser.GetValueOrDefault(user);
        }
    }

    public bool IsLockedOut
    {
        get
        {
            lock (_lock)
            {
                return _time.GetUtcNow() < _lockedUntil;
            }
        }
    }

    /// <summary>Records a failed logon; true when it starts a lockout.</summary>
    public bool RecordFailure()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _lastFailure > Forgiveness)
            {
                _consecutiveFailures = 0;
                _nextLockout = FirstLockout;
            }

            _lastFailure = now;
            if (LockoutThreshold <= 0 || ++_consecutiveFailures < LockoutThreshold)
            {
                return false;
            }

            _lockedUntil = now + _nextLockout;
            _nextLockout = TimeSpan.FromTicks(Math.Min(_nextLockout.Ticks * 2, LongestLockout.Ticks));
            _consecutiveFailures = 0;
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _consecutiveFailures = 0;
        }
    }
}
