using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The KVM settings of one device (IPS_KVMRedirectionSettingData, reference section 4.5): the one place the
/// WS-Man class, a future port-5900 listener and the KVM session read them from. Whether KVM itself is
/// switched on stays in <see cref="RedirectionSettings.KvmEnabled"/> (CIM_KVMRedirectionSAP).
/// </summary>
public sealed class KvmSettings
{
    /// <summary>VNC authentication uses an eight-byte DES key, so AMT takes exactly eight characters.</summary>
    public const int RfbPasswordLength = 8;

    private readonly ConsentModel _consent;
    private readonly FirmwareProfile _firmware;

    public KvmSettings(FirmwareProfile firmware, ConsentModel consent)
    {
        _firmware = firmware;
        _consent = consent;
    }

    /// <summary>Raised after <see cref="DefaultScreen"/> changed, with the new value: the screen switches what KVM shows.</summary>
    public event Action<int>? DefaultScreenChanged;

    /// <summary>
    /// The display KVM shows: 0 to <see cref="MaxDefaultScreen"/>, whether or not that display is connected (see
    /// <see cref="Screen.SimulatedScreen"/> for what happens then). The consent code's display is
    /// <see cref="SecureIoSettings.DefaultScreen"/>.
    /// </summary>
    public int DefaultScreen
    {
        get;
        set
        {
            if (value != field)
            {
                field = value;
                DefaultScreenChanged?.Invoke(value);
            }
        }
    }

    public int MaxDefaultScreen => MaxDefaultScreenOf(_firmware);

    /// <summary>A third display arrived with AMT 10.</summary>
    public static int MaxDefaultScreenOf(FirmwareProfile firmware) => firmware.Version.Major >= 10 ? 2 : 1;

    /// <summary>
    /// OptInPolicy: whether a KVM session needs user consent. Not stored apart from IPS_OptInService: it reads
    /// the consent policy, which asks for consent for KVM whenever it is not "none" (unconfirmed that firmware
    /// links the two this way; it is the only reading under which both classes can be true at once).
    /// </summary>
    public bool OptInPolicy => _consent.Required != OptIn.RequiredNone;

    /// <summary>OptInPolicyTimeout, in seconds.</summary>
    public int OptInPolicyTimeout { get; set; } = 300;

    /// <summary>SessionTimeout, in minutes.</summary>
    public int SessionTimeout { get; set; } = 3;

    public bool Is5900PortEnabled { get; set; }

    /// <summary>
    /// The password of standard VNC authentication on port 5900; null until one is set. The WS-Man class never
    /// returns it (the recordings show an empty RFBPassword).
    /// </summary>
    public string? RfbPassword { get; set; }

    /// <summary>Whether KVM was allowed in MEBx; firmware does not let a client change it.</summary>
    public bool EnabledByMEBx { get; set; } = true;

    /// <summary>
    /// Port 5900 up to AMT 15. New firmware disables or refuses it (reference section 6.6.9, MeshCommander#98);
    /// here AMT 16 and later refuse to turn it on (the exact generation is unconfirmed).
    /// </summary>
    public bool Offers5900 => _firmware.Version.Major < 16;

    /// <summary>
    /// GrayscalePixelFormatSupported, ZlibControlSupported, InitialDecimationModeForLowRes and the double-buffer
    /// flags: in the recording of a newer device, absent from the AMT 12 one. Here AMT 16 and later report them
    /// (the generation that introduced them is unconfirmed).
    /// </summary>
    public bool ReportsFrameBufferControls => _firmware.Version.Major >= 16;

    public bool GrayscalePixelFormatSupported => ReportsFrameBufferControls;

    public bool ZlibControlSupported => ReportsFrameBufferControls;

    /// <summary>The value recorded from a newer device (an integer mode, not a flag).</summary>
    public int InitialDecimationModeForLowRes => ReportsFrameBufferControls ? 2 : 0;

    /// <summary>
    /// AMT's rule for the RFB password: exactly eight printable ASCII characters with a digit, a lower-case
    /// letter, an upper-case letter and a symbol, and none of <c>: , "</c> (the admin password's rules at the
    /// fixed length; community scripts state them, Intel's documentation was not available).
    /// </summary>
    public static bool IsValidRfbPassword(string password) =>
        password.Length == RfbPasswordLength
        && password.All(c => c is >= ' ' and <= '~' && c is not (':' or ',' or '"'))
        && password.Any(char.IsAsciiDigit)
        && password.Any(char.IsAsciiLetterLower)
        && password.Any(char.IsAsciiLetterUpper)
        && password.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or ' '));
}
