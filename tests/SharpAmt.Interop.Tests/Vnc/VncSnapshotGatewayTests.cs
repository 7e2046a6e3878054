using SharpAmt.Interop.Tests.Vnc.Support;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// vncsnapshot, an RFB 3.3 client (TightVNC 1.2 / RealVNC 3.3 lineage), takes the monitor of a simulated AMT 12 device
/// through the in-process KVM gateway in RAW; its JPEG, decoded by djpeg, matches the monitor as the device's KVM
/// session carries it (RGB565) within JPEG's loss.
/// </summary>
public sealed class VncSnapshotGatewayTests(ITestOutputHelper output)
{
    /// <summary>Mean absolute difference per channel JPEG at quality 100 stays under; a wrong or shifted picture is off by tens.</summary>
    private const double MeanTolerance = 1.0;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_snapshot_matches_the_monitor(bool desktop)
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default with { GraphicalDesktop = desktop }, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var tap = RfbTap.Start(GatewayAddresses.Next(), gateway.Endpoint);
        using var password = VncPasswordFile.Write(LibraryGateway.Password);

        var before = gateway.Expected();
        var snapshot = await VncSnapshot.TakeAsync(tap.EndPoint.Address.ToString(), tap.EndPoint.Port, password, Token);
        var after = gateway.Expected();

        var negotiation = RfbNegotiation.Read(tap.Connections()[^1]);
        output.WriteLine($"vncsnapshot negotiated: {negotiation}");
        Assert.True(snapshot.Picture is not null, $"vncsnapshot failed ({snapshot.ExitCode}): {snapshot.Output}\nnegotiated: {negotiation}");
        var picture = snapshot.Picture!;
        Assert.Equal((device.Size.Width, device.Size.Height), (picture.Width, picture.Height));
        Assert.Equal(RfbPixelFormat.Rgb565, gateway.DeviceLeg);
        Assert.Equal("RFB 003.003", negotiation.ViewerVersion.TrimEnd());
        // The clock may tick while the snapshot is taken: it matches the monitor as it was before or after.
        var format = negotiation.EffectiveFormat!.Value;
        var mean = Math.Min(picture.MeanChannelDifference(before.Select(format.Quantize)), picture.MeanChannelDifference(after.Select(format.Quantize)));
        output.WriteLine($"mean channel difference {mean:F3}");
        Assert.True(mean < MeanTolerance, $"the snapshot differs from the monitor by {mean:F2} a channel on average (tolerance {MeanTolerance})\nnegotiated: {negotiation}");
    }
}
