using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class RfbChangeLogTests
{
    private static readonly RfbRectangle A = new(0, 0, 64, 64);
    private static readonly RfbRectangle B = new(64, 0, 64, 64);
    private static readonly RfbRectangle C = new(0, 64, 10, 10);

    [Fact]
    public void CollectsTheAreasOfEveryLaterVersion()
    {
        var log = new RfbChangeLog(firstVersion: 1);
        log.Add(2, A);
        log.Add(2, B);
        log.Add(3, C);

        var since1 = new List<RfbRectangle>();
        Assert.True(log.TryCollect(1, since1));
        Assert.Equal([A, B, C], since1);

        var since2 = new List<RfbRectangle>();
        Assert.True(log.TryCollect(2, since2));
        Assert.Equal([C], since2);

        var since3 = new List<RfbRectangle>();
        Assert.True(log.TryCollect(3, since3));
        Assert.Empty(since3);
    }

    [Fact]
    public void VersionsBeforeTheFirstAreNotAnswered()
    {
        var log = new RfbChangeLog(firstVersion: 1);
        log.Add(1, A);

        Assert.False(log.TryCollect(0, new List<RfbRectangle>()));
    }

    [Fact]
    public void ForgettingAnAreaRefusesEveryoneWhoStillNeedsIt()
    {
        var log = new RfbChangeLog(capacity: 2, firstVersion: 1);
        log.Add(2, A);
        log.Add(3, B);
        log.Add(4, C);

        // A (version 2) fell out: whoever holds version 1 would miss it; holders of 2 and later miss nothing.
        Assert.False(log.TryCollect(1, new List<RfbRectangle>()));
        var since2 = new List<RfbRectangle>();
        Assert.True(log.TryCollect(2, since2));
        Assert.Equal([B, C], since2);
    }

    [Fact]
    public void ResetRefusesEverythingBeforeTheNewPicture()
    {
        var log = new RfbChangeLog(firstVersion: 1);
        log.Add(2, A);
        log.Reset(3);
        log.Add(4, B);

        Assert.False(log.TryCollect(2, new List<RfbRectangle>()));
        var since3 = new List<RfbRectangle>();
        Assert.True(log.TryCollect(3, since3));
        Assert.Equal([B], since3);
    }
}
