namespace SharpAmt.Tests.Support;

/// <summary>
/// A clock whose timers fire only when the test advances it, in due order, so delays and timeouts run exactly
/// when the test says and never on their own.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Lock _sync = new();
    private readonly List<SteppedTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 11, 22, 2, 45, 32, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public int PendingTimers
    {
        get
        {
            lock (_sync)
            {
                return _timers.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing each timer that falls due on the way.</summary>
    public void Advance(TimeSpan span)
    {
        var end = GetUtcNow() + span;
        for (var fired = 0; fired < 10_000; fired++)
        {
            SteppedTimer? next;
            lock (_sync)
            {
                next = _timers.Where(timer => timer.Due <= end).MinBy(timer => timer.Due);
                if (next is null)
                {
                    _now = end;
                    return;
                }

                _now = next.Due > _now ? next.Due : _now;
                if (next.Period > TimeSpan.Zero)
                {
                    next.Due += next.Period;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    /// <summary>Waits (in real time, bounded) until the console has set a timer, then advances.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan span)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (PendingTimers == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("nothing waits on the clock");
            }

            await Task.Delay(5);
        }

        Advance(span);
    }

    private sealed class SteppedTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._sync)
            {
                clock._timers.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = clock._now + dueTime;
                    Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                    clock._timers.Add(this);
                }

                return true;
            }
        }

        public void Dispose()
        {
            lock (clock._sync)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
