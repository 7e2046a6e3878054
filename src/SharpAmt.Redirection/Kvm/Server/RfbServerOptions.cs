using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>What an <see cref="RfbServer"/> offers; start from <see cref="AmtKvm"/>, <see cref="AmtPort5900"/> or <see cref="Standard"/>.</summary>
public sealed record RfbServerOptions
{
    /// <summary>AMT's KVM frame-buffer cap in bytes (reference §6.6.8).</summary>
    public const long AmtFrameBufferCap = 9_216_000;

    public RfbServerFlavour Flavour { get; init; }

    /// <summary>The 12-byte ProtocolVersion sent first.</summary>
    public string Banner { get; init; } = "RFB 003.008\n";

    /// <summary>VNC authentication with this password (first 8 characters count); null offers security None.</summary>
    public string? Password { get; init; }

    /// <summary>The pixel format announced in ServerInit and used until the viewer sends SetPixelFormat.</summary>
    public RfbPixelFormat DefaultFormat { get; init; } = RfbPixelFormat.TrueColour32;

    /// <summary>
    /// The pixel encodings this server may pick from the viewer's list (RAW is always possible). The AMT flavours pick
    /// their encoding 16 only while the viewer's pixels are 8 or 16 bits wide (see <see cref="RfbTileDialect.Amt"/>).
    /// </summary>
    public IReadOnlyList<RfbEncoding> Encodings { get; init; } = [RfbEncoding.Raw];

    /// <summary>What encoding 16 means here: AMT's variant for the AMT flavours, standard ZRLE for ordinary viewers.</summary>
    public RfbTileDialect TileDialect { get; init; }

    /// <summary>The desktop name in ServerInit.</summary>
    public string Name { get; init; } = "SharpAMT";

    /// <summary>Answer KvmExtCmd in-band commands (AMT ≥ 16); otherwise they are clipboard text like any other.</summary>
    public bool SupportsKvmExtCmd { get; init; }

    /// <summary>Bytes per pixel × width × height above which the server hangs up (AMT's cap); null for none.</summary>
    public long? FrameBufferCap { get; init; }

    /// <summary>Longest time for the whole handshake, banner to ClientInit.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The viewer sending nothing for this long ends the connection.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a pending incremental request re-checks the screen even without a change notice.</summary>
    public TimeSpan ChangePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest ClientCutText accepted.</summary>
    public int MaxCutText { get; init; } = 256 * 1024;

    /// <summary>Clipboard text the viewer sent (ClientCutText that is not an in-band command), as Latin-1.</summary>
    public Action<string>? OnClipboard { get; init; }

    /// <summary>Told why a connection ended when that was not the viewer simply closing it.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Viewers only watch: their key and pointer events are dropped (a gateway shown to onlookers).</summary>
    public bool ViewOnly { get; init; }

    /// <summary>
    /// Behind AMT's redirection port: banner <c>RFB 004.000\n</c>, security None (the redirection login already
    /// authenticated), RGB565, RAW and encoding 16 (AMT's variant, for 8- and 16-bit pixels; viewers asking for wider
    /// ones get RAW, since standard viewers read 16 as ZRLE), the frame-buffer cap.
    /// </summary>
    public static RfbServerOptions AmtKvm(bool supportsKvmExtCmd = false) => new()
    {
        Flavour = RfbServerFlavour.AmtKvm,
        Banner = "RFB 004.000\n",
        DefaultFormat = RfbPixelFormat.Rgb565,
        Encodings = [RfbEncoding.AmtRle, RfbEncoding.Raw],
        Name = "Intel(r) AMT KVM",
        SupportsKvmExtCmd = supportsKvmExtCmd,
        FrameBufferCap = AmtFrameBufferCap,
    };

    /// <summary>AMT's port 5900: as <see cref="AmtKvm"/> with VNC authentication and the 8-character RFBPassword.</summary>
    public static RfbServerOptions AmtPort5900(string password, bool supportsKvmExtCmd = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return AmtKvm(supportsKvmExtCmd) with { Flavour = RfbServerFlavour.AmtPort5900, Password = password };
    }

    /// <summary>A standard RFB 3.8 server: 32-bit true colour, ZRLE or RAW, security None or VNC authentication.</summary>
    public static RfbServerOptions Standard(string? password = null) => new()
    {
        Flavour = RfbServerFlavour.Standard,
        Password = password,
        Encodings = [RfbEncoding.AmtRle, RfbEncoding.Raw],
        TileDialect = RfbTileDialect.Zrle,
    };
}
