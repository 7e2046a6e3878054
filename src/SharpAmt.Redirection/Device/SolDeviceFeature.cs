using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Device;

/// <summary>
/// SOL on the device side (reference section 6.4): answers 0x20 with 0x21 and the line status (0x29), then
/// bridges the host's serial port: its output as 0x2A, the client's 0x28 as keystrokes. Sends 0x2B every few
/// seconds because amtterm hangs up after 20 s of silence, answers pings, and tolerates every client habit of
/// the reference: seq 0 everywhere, MeshCommander's 0x27, echoed heartbeats, amtterm's stray 0x1D after 0x22,
/// and a missing END.
/// </summary>
public sealed class SolDeviceFeature : IRedirectionDeviceFeature
{
    private readonly ISolHostPort _port;
    private readonly Func<bool> _enabled;

    public SolDeviceFeature(ISolHostPort port, Func<bool> enabled)
    {
        _port = port;
        _enabled = enabled;
    }

    public byte FirmwareMajor { get; init; }

    public byte FirmwareMinor { get; init; }

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for 0x20 after login.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest 0x2A the device sends; longer host output is split.</summary>
    public int MaxDataChunk { get; init; } = 1000;

    /// <summary>
    /// User consent, when the device enforces it: a start without it is answered USER_CONSENT_REQUIRED at 0x11, and
    /// a session holds the grant while it runs.
    /// </summary>
    public IRedirectionConsent? Consent { get; init; }

    /// <summary>
    /// UNSUPPORTED while SOL is disabled in AMT_RedirectionService (what real firmware answers then is
    /// unconfirmed; 3 is what MeshCommander reports as "not supported"), BUSY while a session holds the port,
    /// USER_CONSENT_REQUIRED while the policy asks for consent that was not granted (as IDE-R is answered; for SOL
    /// unconfirmed).
    /// </summary>
    public RedirectionStatus CanStart() =>
        !_enabled() ? RedirectionStatus.Unsupported
        : _port.IsAttached ? RedirectionStatus.Busy
        : Consent?.Permits(RedirectionSessionType.Sol) == false ? RedirectionStatus.UserConsentRequired
        : RedirectionStatus.Success;

    public async Task RunAsync(RedirectionChannel channel, CancellationToken cancellationToken)
    {
        channel.Table = RedirectionFrameTable.Sol;
        var first = await RedirectionDeviceSession.ReadAsync(channel, StartTimeout, cancellationToken).ConfigureAwait(false);
        if (first is not { Type: RedirectionMessageType.StartSolRedirection } start)
        {
            return;
        }

        StartSolRedirection.Read(start);
        var session = new Bridge(this, channel);
        using var attachment = _port.TryAttach(session.ToRemoteAsync);
        var status = attachment is null ? RedirectionStatus.Busy : !_enabled() ? RedirectionStatus.Unsupported : RedirectionStatus.Success;
        // The hold is taken only once the port is this session's, so that a BUSY refusal never spends the grant.
        using var consent = status == RedirectionStatus.Success ? ConsentHolds.Begin(Consent, RedirectionSessionType.Sol) : null;
        if (consent is null)
        {
            // Consent lost since the 0x11 (it expired, or the last session under it ended) is answered in the 0x21
            // with the status the 0x11 would have carried (unconfirmed).
            await channel.SendAsync(new StartSolRedirectionReply(status == RedirectionStatus.Success ? RedirectionStatus.UserConsentRequired : status), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        await session.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state of one SOL session: its sequence counter and the moment it may start sending data.</summary>
    private sealed class Bridge(SolDeviceFeature feature, RedirectionChannel channel)
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _sequence;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                await channel.SendAsync(new StartSolRedirectionReply(RedirectionStatus.Success)
                {
                    Sequence = Next(),
                    FirmwareMajor = feature.FirmwareMajor,
                    FirmwareMinor = feature.FirmwareMinor,
                }, cancellationToken).ConfigureAwait(false);
                await channel.SendAsync(new SolControls(Next(), SolControl.None, feature._port.HostPoweredOn ? SolStatus.SystemPowerState : SolStatus.None), cancellationToken)
                    .ConfigureAwait(false);
                _ready.TrySetResult();
                var heartbeat = HeartbeatAsync(ending.Token);
                try
                {
                    await ReceiveAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await ending.CancelAsync().ConfigureAwait(false);
                    await heartbeat.ConfigureAwait(false);
                }
            }
            finally
            {
                _ready.TrySetCanceled(CancellationToken.None);
            }
        }

        /// <summary>The host wrote to its serial port. Never throws: a client that went away must not fail the host.</summary>
        public async ValueTask ToRemoteAsync(ReadOnlyMemory<byte> data)
        {
            try
            {
                await _ready.Task.ConfigureAwait(false);
                while (!data.IsEmpty)
                {
                    var chunk = data[..Math.Min(data.Length, feature.MaxDataChunk)];
                    await channel.SendAsync(SolData.FromHost(chunk, Next())).ConfigureAwait(false);
                    data = data[chunk.Length..];
                }
            }
            catch (Exception exception) when (exception is AmtConnectionException or OperationCanceledException or ObjectDisposedException)
            {
                // The session ended while the host was writing; output with no session attached is lost, as on hardware.
            }
        }

        private uint Next() => (uint)Interlocked.Increment(ref _sequence);

        private async Task ReceiveAsync(CancellationToken cancellationToken)
        {
            var ending = false;
            while (await channel.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
            {
                switch (frame.Type)
                {
                    case RedirectionMessageType.SolDataToHost:
                        // After 0x22 amtterm still sends the escape byte as data; it is not meant for the host.
                        if (!ending)
                        {
                            feature._port.RemoteInput(SolData.Read(frame).Data.Span);
                        }

                        break;
                    case RedirectionMessageType.SolKeepAlivePing:
                        await channel.SendAsync(SolSignal.Pong(SolSignal.Read(frame).Sequence), cancellationToken).ConfigureAwait(false);
                        break;
                    case RedirectionMessageType.SolHeartbeat:
                    case RedirectionMessageType.SolKeepAlivePong:
                    case RedirectionMessageType.SolMeshCommanderSettings:
                        break;
                    case RedirectionMessageType.EndSolRedirection:
                        ending = true;
                        await channel.SendAsync(SolSignal.EndReply(Next()), cancellationToken).ConfigureAwait(false);
                        break;
                    case RedirectionMessageType.EndRedirectionSession:
                        return;
                    default:
                        throw new AmtProtocolException(ProtocolViolation.UnexpectedRedirectionMessage, $"0x{(byte)frame.Type:X2} during SOL", channel.Endpoint);
                }
            }
        }

        private async Task HeartbeatAsync(CancellationToken cancellationToken)
        {
            if (feature.HeartbeatInterval <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(feature.HeartbeatInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    await channel.SendAsync(SolSignal.Heartbeat(Next()), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or AmtConnectionException or ObjectDisposedException)
            {
                // The session is over.
            }
        }
    }
}
