using System.Net;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.Kvm.KvmTestDevices;

namespace SharpAmt.Simulator.Tests.Kvm;

/// <summary>
/// The device closes a KVM session that had no keyboard or mouse input for SessionTimeout minutes, on the redirection
/// port and on port 5900, timed by the device's clock (a stepped one here). Addresses 127.0.215.1–127.0.215.100.
/// </summary>
public sealed class KvmSessionTimeoutTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 100 ? new IPAddress(new byte[] { 127, 0, 215, (byte)index }) : throw new InvalidOperationException("out of 127.0.215.1–127.0.215.100");
    }

    /// <summary>A booted device on a stepped clock, its consent policy off so that every session may start.</summary>
    private static async Task<(SimulatedDevice Device, SteppedClock Clock)> StartAsync()
    {
        var clock = new SteppedClock();
        var device = await KvmTestDevices.StartAsync(NextAddress(), time: clock);
        device.Consent.Required = OptIn.RequiredNone;
        await BootToDesktopAsync(device);
        return (device, clock);
    }

    private static async Task<KvmSession> OpenAsync(SimulatedDevice device)
    {
        var session = await KvmSession.OpenAsync(Client(device), cancellationToken: Token);
        await session.WaitForChangeAsync(0, Token);
        return session;
    }

    /// <summary>Asserts that the device closed <paramref name="session"/>, and that the client says so as it does for any close by the device.</summary>
    private static async Task AssertClosedByDeviceAsync(KvmSession session)
    {
        var closed = await Assert.ThrowsAsync<KvmDisconnectedException>(() => session.Completion.WaitAsync(Patience, Token));
        Assert.Equal(KvmDisconnectReason.ClosedByDevice, closed.Reason);
    }

    /// <summary>
    /// Moves the device's clock on and asserts that the session is still open: the desktop's clock ticked, so an update
    /// arrives, and nothing ended the session. Sends no input.
    /// </summary>
    private static async Task AdvanceAndAssertOpenAsync(SteppedClock clock, TimeSpan span, KvmSession session)
    {
        var version = session.Version;
        clock.Advance(span);
        await session.WaitForChangeAsync(version, Token).WaitAsync(Patience, Token);
        Assert.False(session.Completion.IsCompleted, "the session ended");
    }

    private static async Task PressAsync(KvmSession session, SimulatedDevice device, char key)
    {
        var typed = device.Screen.TypedText.Length;
        await session.SendKeyPressAsync(key, Token);
        await EventuallyAsync(() => device.Screen.TypedText.Length > typed, "the key never reached the desktop");
    }

    private static SecurityEvents Watch(SimulatedDevice device)
    {
        var events = new SecurityEvents();
        device.Changed += (_, hostEvent) =>
        {
            if (hostEvent.Kind == HostEventKind.Security)
            {
                events.Add(hostEvent.Text);
            }
        };
        return events;
    }

    [Fact]
    public async Task An_idle_session_is_closed_after_three_minutes_by_default()
    {
        var (device, clock) = await StartAsync();
        await using var _ = device;
        var events = Watch(device);
        Assert.Equal(3, device.Kvm.SessionTimeout);
        await using var session = await OpenAsync(device);

        await AdvanceAndAssertOpenAsync(clock, (3 * Minute) - Second, session);
        clock.Advance(Second);

        await AssertClosedByDeviceAsync(session);
        await EventuallyAsync(() => events.Contains("KVM session ended (no keyboard or mouse input for the session timeout)"), "the device never logged the timeout");
        await using var next = await OpenAsync(device);
        Assert.False(next.Completion.IsCompleted);
    }

    [Fact]
    public async Task Keys_and_pointer_keep_a_session_open_and_screen_updates_do_not()
    {
        var (device, clock) = await StartAsync();
        await using var _ = device;
        await using var session = await OpenAsync(device);

        await AdvanceAndAssertOpenAsync(clock, 2 * Minute, session);
        await PressAsync(session, device, 'a');
        await AdvanceAndAssertOpenAsync(clock, 2 * Minute, session);

        const int x = 300, y = 700;
        var before = session.Version;
        await session.SendPointerAsync(x, y, RfbPointerButtons.None, Token);
        await EventuallyAsync(() => session.Version != before && session.Snapshot().Pixels[(y * session.Size.Width) + x] == 0, "the pointer never moved on the desktop");
        await AdvanceAndAssertOpenAsync(clock, 2 * Minute, session);

        // Two minutes of screen updates and no input: the third minute ends it.
        clock.Advance(Minute);
        await AssertClosedByDeviceAsync(session);
    }

    [Fact]
    public async Task Zero_never_closes_and_a_changed_timeout_applies_to_the_running_session()
    {
        var (device, clock) = await StartAsync();
        await using var _ = device;
        device.Kvm.SessionTimeout = 0;
        await using var session = await OpenAsync(device);

        await AdvanceAndAssertOpenAsync(clock, 30 * Minute, session);

        // Idle for half an hour already: a one-minute timeout closes it at the next check, within a minute.
        device.Kvm.SessionTimeout = 1;
        clock.Advance(Minute);
        await AssertClosedByDeviceAsync(session);
    }

    [Fact]
    public async Task A_port_5900_session_times_out_the_same_way()
    {
        const string password = "Rfb!pw12";
        var (device, clock) = await StartAsync();
        await using var _ = device;
        device.Kvm.RfbPassword = password;
        device.Kvm.Is5900PortEnabled = true;
        device.Kvm.SessionTimeout = 5;
        await using var session = await Open5900Async(device, password);
        await session.WaitForChangeAsync(0, Token);

        await AdvanceAndAssertOpenAsync(clock, (5 * Minute) - Second, session);
        clock.Advance(Second);

        await AssertClosedByDeviceAsync(session);
    }

    /// <summary>The device's security events, collected from its event thread.</summary>
    private sealed class SecurityEvents
    {
        private readonly List<string> _texts = [];

        public void Add(string text)
        {
            lock (_texts)
            {
                _texts.Add(text);
            }
        }

        public bool Contains(string text)
        {
            lock (_texts)
            {
                return _texts.Contains(text);
            }
        }
    }
}
