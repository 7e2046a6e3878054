using System.Diagnostics;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>
/// The server's update loop under a steady change-then-request rhythm: each change is answered, the viewer asks again
/// at once, and no request may be lost however the wake-ups of the two interleave.
/// </summary>
public sealed class RfbUpdateCycleTests
{
    [Fact]
    public async Task EveryChangeReachesTheViewerWhenChangesAndRequestsInterleaveTightly()
    {
        // A request that lands while the loop is switching from "wait for a change" to "wait for a request" was once
        // swallowed: the viewer then waited for ever while the server waited for a request. Several viewers at once and
        // a busy thread pool widen that window, so a regression shows within these rounds.
        const int Viewers = 4;
        const int Rounds = 400;
        var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var busy = BusyThreadPoolAsync(done.Token);
        try
        {
            var viewers = Enumerable.Range(0, Viewers).Select(index => RunViewerAsync(index, Rounds, deadline)).ToArray();
            var stalls = await Task.WhenAll(viewers);
            Assert.True(stalls.All(stall => stall is null), string.Join("; ", stalls.Where(stall => stall is not null)));
        }
        finally
        {
            await done.CancelAsync();
            await busy;
        }
    }

    private static async Task<string?> RunViewerAsync(int index, int rounds, CancellationToken deadline)
    {
        var screen = new TestScreen(256, 64, seed: index);
        await using var listener = new RfbListener(screen, RfbServerOptions.Standard());
        await using var session = await KvmSession.OpenAsync(await listener.ConnectAsync(), listener.Endpoint, new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, TileDialect = RfbTileDialect.Zrle }, deadline);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate two tiles so every round changes pixels the viewer has.
            var colour = (uint)(0x010101 * ((round % 200) + 1));
            var area = new RfbRectangle(round % 2 == 0 ? 0 : 128, 0, 8, 8);
            var version = session.Version;
            screen.Paint(area, colour);
            var watch = Stopwatch.StartNew();
            while (PixelAt(session, area.X, area.Y) != colour)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(5))
                {
                    return $"viewer {index}: round {round}'s change never arrived (viewer at version {session.Version}, {session.UpdatesReceived} updates)";
                }

                try
                {
                    await session.WaitForChangeAsync(version, deadline).WaitAsync(TimeSpan.FromSeconds(1), deadline);
                }
                catch (TimeoutException)
                {
                    // Checked against the 5-second bound above.
                }

                version = session.Version;
            }
        }

        return null;
    }

    private static uint PixelAt(KvmSession session, int x, int y)
    {
        var snapshot = session.Snapshot();
        return snapshot.Pixels[(y * snapshot.Size.Width) + x];
    }

    private static Task BusyThreadPoolAsync(CancellationToken done)
    {
        // Short CPU-bound work items keep the pool's queue non-empty, so a continuation hopping to the pool waits a little.
        return Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var items = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Thread.SpinWait(20_000), CancellationToken.None)).ToArray();
                await Task.WhenAll(items);
            }
        }, CancellationToken.None);
    }
}
