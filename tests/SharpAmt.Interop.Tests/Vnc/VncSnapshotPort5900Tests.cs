using SharpAmt.Interop.Tests.Vnc.Support;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// vncsnapshot, an RFB 3.3 client of another lineage (TightVNC 1.2 / RealVNC 3.3), takes the simulated AMT 12
/// device's monitor from port 5900 in RAW; its JPEG, decoded by djpeg, matches the monitor within JPEG's loss.
/// </summary>
public sealed class VncSnapshotPort5900Tests(ITestOutputHelper output)
{
    /// <summary>
    /// Mean absolute difference per channel that JPEG at quality 100 stays under; libjpeg-turbo 2.1 gives about 0.001 on
    /// these pictures, and a wrong or shifted picture is off by tens.
    /// </summary>
    private const double MeanTolerance = 1.0;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_snapshot_matches_the_monitor(bool desktop)
    {
        await using var device = await Port5900Device.StartAsync(desktop, Token);
        device.GrantConsent();
        await using var tap = RfbTap.Start(VncAddresses.Next(), new System.Net.IPEndPoint(device.Device.Address, Port5900Device.Port));
        using var password = VncPasswordFile.Write(Port5900Device.Password);

        var before = device.Picture();
        var snapshot = await VncSnapshot.TakeAsync(tap.EndPoint.Address.ToString(), tap.EndPoint.Port, password, Token);
        var after = device.Picture();

        var negotiation = RfbNegotiation.Read(tap.Connections()[^1]);
        output.WriteLine($"vncsnapshot negotiated: {negotiation}");
        Assert.True(snapshot.Picture is not null, $"vncsnapshot failed ({snapshot.ExitCode}): {snapshot.Output}\nnegotiated: {negotiation}");
        var picture = snapshot.Picture!;
        Assert.Equal((device.Size.Width, device.Size.Height), (picture.Width, picture.Height));
        // The clock may tick while the snapshot is taken: it matches the monitor as it was before or after.
        var format = negotiation.EffectiveFormat!.Value;
        var mean = Math.Min(picture.MeanChannelDifference(before.Select(format.Quantize)), picture.MeanChannelDifference(after.Select(format.Quantize)));
        output.WriteLine($"mean channel difference {mean:F3}");
        Assert.True(mean < MeanTolerance, $"the snapshot differs from the monitor by {mean:F2} a channel on average (tolerance {MeanTolerance})\nnegotiated: {negotiation}");
    }
}
