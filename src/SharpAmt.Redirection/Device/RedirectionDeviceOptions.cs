using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Device;

/// <summary>What one device's redirection port serves and how it authenticates.</summary>
public sealed class RedirectionDeviceOptions
{
    /// <summary>
    /// The opcodes after which Debian's amtterm 1.4 and amtider discard the rest of their read buffer
    /// (reference section 6.7): the device pauses after sending each so that nothing rides along.
    /// IDE-R's 0x50 is deliberately absent although amtider discards after it too: the device sends nothing
    /// after a 0x50 until the client has answered it (no heartbeat either while a command is outstanding), so
    /// nothing can ride along, and a 50 ms pause per command would cap a boot at 20 commands a second.
    /// IDE-R's heartbeat 0x4B is in: whether amtider drops what follows it is unconfirmed, and it is rare.
    /// </summary>
    private static readonly HashSet<byte> LoneMessages = [0x14, 0x21, 0x23, 0x29, 0x41, 0x43, 0x46, 0x49, 0x4B];

    public required IRedirectionAccounts Accounts { get; init; }

    /// <summary>Reported in the start reply, bytes 6–7.</summary>
    public byte FirmwareMajor { get; init; }

    public byte FirmwareMinor { get; init; }

    /// <summary>The features by session type; a type without one is answered UNSUPPORTED.</summary>
    public IReadOnlyDictionary<RedirectionSessionType, IRedirectionDeviceFeature> Features { get; init; } =
        new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature>();

    /// <summary>What the type 0 query lists, most preferred first. Real AMT lists only 4; amtterm 1.4 never asks.</summary>
    public IReadOnlyList<AuthenticationType> OfferedAuthentication { get; init; } =
        [AuthenticationType.DigestWithQop, AuthenticationType.Digest, AuthenticationType.Plain];

    /// <summary>The pause after each message in <see cref="LoneMessages"/>; about 50 ms is what amtterm needs.</summary>
    public TimeSpan MessageGap { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest silence before login completes; then the device hangs up.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed logins one connection may try before the device hangs up.</summary>
    public int MaxLoginAttempts { get; init; } = 3;

    /// <summary>Told about each refused login and broken connection (the simulator's event log).</summary>
    public Action<string>? Log { get; init; }

    internal TimeSpan GapAfter(RedirectionMessageType type) => LoneMessages.Contains((byte)type) ? MessageGap : TimeSpan.Zero;
}
