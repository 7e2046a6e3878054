using System.Net;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Tests.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// The device closes an idle KVM session after its session timeout (three minutes by default, on its own clock, stepped
/// here); to the gateway that is a drop like any other: it reconnects while viewers stay. Addresses 127.0.215.101–127.0.215.150.
/// </summary>
public sealed class GatewaySessionTimeoutTests
{
    private static int _next;

    private static CancellationToken Token => GatewayRig.Token;

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 50 ? new IPAddress(new byte[] { 127, 0, 215, (byte)(100 + index) }) : throw new InvalidOperationException("out of 127.0.215.101–127.0.215.150");
    }

    [Fact]
    public async Task An_idle_device_session_closed_by_the_device_is_reopened_while_the_viewer_stays()
    {
        var clock = new SteppedClock();
        await using var rig = await GatewayRig.StartAsync(time: clock, addresses: NextAddress);
        var viewer = await rig.ConnectViewerAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);

        clock.Advance(TimeSpan.FromMinutes(3));

        await GatewayRig.EventuallyAsync(() => rig.EventKinds().Contains(KvmGatewayEventKind.Reconnected), "the gateway never reconnected");
        KvmGatewayEvent lost;
        lock (rig.Events)
        {
            lost = rig.Events[0];
        }

        Assert.Equal(KvmGatewayEventKind.Lost, lost.Kind);
        Assert.Equal(KvmDisconnectReason.ClosedByDevice, Assert.IsType<KvmDisconnectedException>(lost.Error).Reason);
        Assert.Equal(1, rig.Screen.Reconnects);
        Assert.False(viewer.Completion.IsCompleted);

        await viewer.TypeTextAsync("after the timeout", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("after the timeout", StringComparison.Ordinal), "keys after the reconnection never arrived");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }
}
