using System.Text;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>
/// A console that the device drops (an ME reset) comes back by itself, within a bound; one that cannot come
/// back ends with one clear error, and a silent device cannot hang a reader.
/// </summary>
public sealed class SolReconnectTests
{
    private static readonly SolReconnectPolicy Quick = new() { GiveUpAfter = TimeSpan.FromSeconds(15), FirstDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(400) };

    [Fact]
    public async Task After_an_ME_reset_the_session_reconnects_and_the_shell_answers_again()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await ReconnectingSolSession.OpenAsync(device.Client(), policy: Quick, cancellationToken: cancellation);
        var lost = new List<AmtException>();
        var reconnected = 0;
        sol.ConnectionLost += lost.Add;
        sol.Reconnected += () => Interlocked.Increment(ref reconnected);
        var first = sol.Current;
        await sol.WriteAsync("\r"u8.ToArray(), cancellation);
        await ReadUntilAsync(sol, "login: ", cancellation);

        device.Device.SimulateManagementEngineReset(TimeSpan.FromSeconds(1));
        await SolAssert.EventuallyAsync(() => device.Device.ManagementEngineDown, "the ME never went down", cancellation);
        var reading = ReadUntilAsync(sol, "login: ", cancellation);
        await SolAssert.EventuallyAsync(() => reconnected == 1, "the session did not reconnect", cancellation);
        await sol.WriteAsync("\r"u8.ToArray(), cancellation);
        await reading;

        Assert.Single(lost);
        Assert.IsType<AmtConnectionException>(lost[0]);
        Assert.Equal(1, sol.Reconnections);
        Assert.NotSame(first, sol.Current);
        Assert.True(device.Device.SerialPort.IsAttached);
    }

    [Fact]
    public async Task A_simulated_ME_reset_drops_the_session_refuses_new_ones_while_down_then_answers_again()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(cancellationToken: cancellation);
        await using var held = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);

        device.Device.SimulateManagementEngineReset(TimeSpan.FromSeconds(3));
        var dropped = await Assert.ThrowsAsync<AmtConnectionException>(async () => await ReadToEndAsync(held, cancellation));
        var refused = await Assert.ThrowsAsync<AmtConnectionException>(() => SolSession.OpenAsync(device.Client(), cancellationToken: cancellation));
        await SolAssert.EventuallyAsync(() => !device.Device.ManagementEngineDown, "the ME never came back", cancellation);
        await using var next = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);

        Assert.Contains("closed the SOL session", dropped.Message, StringComparison.Ordinal);
        Assert.True(refused.IsTransient);
        Assert.True(device.Device.SerialPort.IsAttached);
    }

    [Fact]
    public async Task A_device_that_stays_away_ends_the_session_with_one_error_after_the_bound()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await ReconnectingSolSession.OpenAsync(device.Client(), policy: Quick with { GiveUpAfter = TimeSpan.FromSeconds(1.5) }, cancellationToken: cancellation);
        var lost = 0;
        sol.ConnectionLost += _ => Interlocked.Increment(ref lost);

        await device.Device.StopAsync();
        var error = await Assert.ThrowsAsync<AmtConnectionException>(async () => await ReadUntilAsync(sol, "never shown", cancellation));
        var again = await Assert.ThrowsAsync<AmtConnectionException>(() => sol.WriteAsync("x"u8.ToArray(), cancellation));

        Assert.Equal(1, lost);
        Assert.Contains("not restored within 1.5 s", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Same(error, again);
    }

    [Fact]
    public async Task A_password_changed_while_the_ME_was_down_ends_reconnecting_at_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await ReconnectingSolSession.OpenAsync(device.Client(), policy: Quick with { GiveUpAfter = TimeSpan.FromSeconds(60) }, cancellationToken: cancellation);

        device.Device.Accounts.SetPassword(device.Device.Options.User, "Another-Passw0rd!");
        device.Device.SimulateManagementEngineReset(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAsync<AmtAuthenticationException>(async () => await ReadUntilAsync(sol, "never shown", cancellation).WaitAsync(TimeSpan.FromSeconds(30), cancellation));

        Assert.DoesNotContain("Another-Passw0rd!", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(device.Device.Options.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_console_is_reported_at_once_and_not_retried()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(cancellationToken: cancellation);
        await using var holder = await ReconnectingSolSession.OpenAsync(device.Client(), policy: Quick, cancellationToken: cancellation);

        var error = await Assert.ThrowsAsync<RedirectionRefusedException>(() => ReconnectingSolSession.OpenAsync(device.Client(), policy: Quick, cancellationToken: cancellation));

        Assert.True(error.IsBusy);
        Assert.Contains("in use by another session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_falls_silent_without_closing_ends_reads_with_a_connection_error()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // The fake device starts SOL, then only reads: it never closes, never sends a heartbeat.
        await using var device = await FakeDevice.StartAsync(heartbeats: 1000, cancellation);
        var options = new SolSessionOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), SilenceTimeout = TimeSpan.FromSeconds(1) };
        await using var sol = await SolSession.OpenAsync(new RedirectionClientOptions
        {
            Host = device.Address.ToString(),
            Credentials = new AmtCredentials("admin", "any"),
            Authentication = RedirectionAuthentication.Plain,
        }, options, cancellation);

        var error = await Assert.ThrowsAsync<AmtConnectionException>(async () => await sol.ReadAsync(new byte[16], cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellation));

        Assert.Equal(ConnectionFailure.TimedOut, error.Failure);
        Assert.Contains("no traffic from the device for 1 s", error.Message, StringComparison.Ordinal);
    }

    private static async Task ReadToEndAsync(SolSession session, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        var buffer = new byte[256];
        for (var i = 0; i < 10_000 && await session.ReadAsync(buffer, limit.Token) > 0; i++)
        {
        }
    }

    private static async Task<string> ReadUntilAsync(ReconnectingSolSession session, string expected, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var read = await session.ReadAsync(buffer, limit.Token);
            Assert.True(read > 0, $"the session ended before '{expected}' arrived; got '{text}'");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
