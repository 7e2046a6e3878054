using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>How a <see cref="KvmSession"/> talks RFB once the KVM connection is open.</summary>
public sealed record KvmSessionOptions
{
    /// <summary>MeshCommander's list (reference §6.6.3): encoding 16, RAW (AMT requires it), DesktopSize.</summary>
    public static IReadOnlyList<int> AmtEncodings { get; } = [(int)RfbEncoding.AmtRle, (int)RfbEncoding.Raw, (int)RfbEncoding.DesktopSize];

    /// <summary>
    /// The pixel format to ask for; null picks RGB565, or RGB332 when width × height × 2 exceeds AMT's cap (what
    /// MeshCommander should do and QuMesh does).
    /// </summary>
    public RfbPixelFormat? Format { get; init; }

    /// <summary>The SetEncodings list, most preferred first; keep RAW in it for AMT.</summary>
    public IReadOnlyList<int> Encodings { get; init; } = AmtEncodings;

    /// <summary>What encoding 16 means: AMT's variant (devices), or standard ZRLE (a standard RFB server such as the gateway).</summary>
    public RfbTileDialect TileDialect { get; init; }

    /// <summary>Ask for zlib with KvmExtCmd (AMT ≥ 16 with ZlibControlSupported); older firmware takes it as clipboard text.</summary>
    public bool Zlib { get; init; }

    /// <summary>The password for VNC authentication, when the server asks for it (port 5900 or a standard server).</summary>
    public string? VncPassword { get; init; }

    /// <summary>AMT's frame-buffer cap, for the automatic format choice and for naming a refusal.</summary>
    public long FrameBufferCap { get; init; } = 9_216_000;

    /// <summary>Longest wait for each step of the handshake and for the first picture.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Pause between a finished update and the next request (MeshCommander can wait 200 ms); zero asks at once.</summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Silence from the device this long sends a one-pixel probe request; as long again without an answer ends the
    /// session as <see cref="KvmDisconnectReason.Unresponsive"/>. Zero waits for ever.
    /// </summary>
    public TimeSpan LivenessInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest screen accepted from ServerInit or DesktopSize, in pixels.</summary>
    public int MaxScreenPixels { get; init; } = 8192 * 8192;

    /// <summary>Clipboard text the device sent (ServerCutText that is not an in-band command), as Latin-1.</summary>
    public Action<string>? OnClipboard { get; init; }
}
