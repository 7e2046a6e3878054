using System.Diagnostics;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>Bounded polling for what real programs do in their own time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string failure, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < Patience, failure);
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Polls until what <paramref name="shown"/> gives equals what <paramref name="expected"/> gives, taken right after
    /// it (the simulated clock ticks each second: a pair caught across a tick matches on a later try). Fails with the
    /// last difference and <paramref name="context"/> (logs) when the time runs out.
    /// </summary>
    public static async Task<RgbImage> EqualPicturesAsync(Func<Task<RgbImage>> shown, Func<RgbImage> expected, Func<string> context, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            var seen = await shown();
            var wanted = expected();
            var (count, first) = seen.Differences(wanted);
            if (count == 0)
            {
                return seen;
            }

            if (++attempts > 400 || elapsed.Elapsed > Patience)
            {
                var saved = Directory.CreateTempSubdirectory("sharpamt-vnc-mismatch-").FullName;
                await File.WriteAllBytesAsync(Path.Combine(saved, "shown.ppm"), seen.ToPpm(), cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(saved, "expected.ppm"), wanted.ToPpm(), cancellationToken);
                Assert.Fail($"the viewer's picture never equalled the device's: {count} pixels differ, first {first} (shown vs expected; both kept in {saved})\n{context()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
