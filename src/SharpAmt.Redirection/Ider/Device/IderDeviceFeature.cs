using System.Buffers;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>
/// IDE-R on the device side (reference §6.5): answers the client's 0x40 with 0x41 and its 0x48 with 0x49, then
/// attaches the session to <see cref="Port"/>, through which the host model sends its ATAPI commands and resets.
/// Device messages are numbered 0, 1, 2… from the 0x41 (MeshCommander stops at a gap); the client's numbers are
/// never checked (amtider counts all its writes, MeshCommander starts at 0).
/// </summary>
public sealed class IderDeviceFeature : IRedirectionDeviceFeature
{
    private readonly Func<bool> _enabled;

    /// <param name="enabled">Whether IDE-R is enabled in AMT_RedirectionService now.</param>
    /// <param name="port">The host's IDE channel, when the host model made it; a new one otherwise.</param>
    public IderDeviceFeature(Func<bool> enabled, IderHostPort? port = null)
    {
        _enabled = enabled;
        Port = port ?? new IderHostPort();
    }

    /// <summary>Where the host model meets the attached session.</summary>
    public IderHostPort Port { get; }

    /// <summary>Reported in the 0x41, bytes 10–11.</summary>
    public byte FirmwareMajor { get; init; }

    public byte FirmwareMinor { get; init; }

    /// <summary>Bytes per 0x54 chunk the device accepts (0x41 bytes 16–17); MeshCommander refuses more than 8192.</summary>
    public ushort ReadBufferSize { get; init; } = IderOpenSessionReply.MaxBufferSize;

    /// <summary>0x41 bytes 18–19; the same limit applies.</summary>
    public ushort WriteBufferSize { get; init; } = IderOpenSessionReply.MaxBufferSize;

    /// <summary>Longest wait for the 0x40 after login.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle session gets a 0x4B (amtider asks for one every 5 s and times out after 10).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the answer to one command; a 1 MiB read over a slow link fits well inside.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the client's 0x47 after a 0x46.</summary>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// User consent, when the device enforces it: a start without it is answered USER_CONSENT_REQUIRED at 0x11 (what
    /// MeshCommander's IDE-R recognises), and a session holds the grant while it runs.
    /// </summary>
    public IRedirectionConsent? Consent { get; init; }

    /// <summary>
    /// UNSUPPORTED while IDE-R is disabled in AMT_RedirectionService (as for SOL, the real answer is
    /// unconfirmed), BUSY while another IDE-R session is attached: only one at a time; USER_CONSENT_REQUIRED while
    /// the policy asks for consent that was not granted.
    /// </summary>
    public RedirectionStatus CanStart() =>
        !_enabled() ? RedirectionStatus.Unsupported
        : Port.IsAttached ? RedirectionStatus.Busy
        : Consent?.Permits(RedirectionSessionType.Ider) == false ? RedirectionStatus.UserConsentRequired
        : RedirectionStatus.Success;

    public async Task RunAsync(RedirectionChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        channel.Table = IderFrames.Table;
        var first = await RedirectionDeviceSession.ReadAsync(channel, StartTimeout, cancellationToken).ConfigureAwait(false);
        if (first is not { Type: RedirectionMessageType.StartIderRedirection } open)
        {
            return;
        }

        // Any 18-byte 0x40 is accepted: MeshCommander's headed form and amtider's headerless one (reference §6.5.1).
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(open.Bytes));
        IderOpenSession.TryRead(ref reader, out _);

        using var connection = new IderDeviceConnection(this, channel);
        if (!Port.TryAttach(connection))
        {
            // Another session attached between this one's 0x11 and now; its 0x41 status says so.
            await connection.RefuseAsync(RedirectionStatus.Busy, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Taken once the drives are this session's, so that a BUSY refusal never spends the grant.
        var consent = ConsentHolds.Begin(Consent, RedirectionSessionType.Ider);
        try
        {
            if (consent is null)
            {
                // Consent lost since the 0x11 (it expired, or the last session under it ended): the 0x41 carries the
                // status the 0x11 would have (unconfirmed).
                await connection.RefuseAsync(RedirectionStatus.UserConsentRequired, cancellationToken).ConfigureAwait(false);
                return;
            }

            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Port.Detach(connection);
            connection.End($"the IDE-R session on {channel.Endpoint} ended");
            consent?.Dispose();
        }
    }
}
