using SharpAmt.Simulator.Firmware;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The Secure I/O service (IPS_SecIOService): the display AMT draws the user-consent code on. The reference (section
/// 4.4) says a Put of its DefaultScreen chooses that display, Intel's class description calls it the "default screen
/// to use when using SecIO", and MeshCommander's "Consent Display" writes it (0 primary, 1 secondary, 2 third). It is
/// apart from IPS_KVMRedirectionSettingData.DefaultScreen, which chooses only what KVM shows.
/// </summary>
public sealed class SecureIoSettings
{
    public SecureIoSettings(FirmwareProfile firmware)
    {
        // Intel's class offers the same displays as KVM does (NumberOfScreens "can be used in the DefaultScreen
        // property"), and MeshCommander offers a third only where KVM has one.
        MaxDefaultScreen = KvmSettings.MaxDefaultScreenOf(firmware);
    }

    /// <summary>Raised after <see cref="DefaultScreen"/> changed, with the new value: the screen moves the code there.</summary>
    public event Action<int>? DefaultScreenChanged;

    /// <summary>
    /// The display the consent code appears on, 0 to <see cref="MaxDefaultScreen"/>. 0, the primary display, to start
    /// with: the one recorded device reported 1, but what it had been set to before is not known, and 0 leaves the code
    /// where a machine with one display shows it anyway.
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

    public int MaxDefaultScreen { get; }
}
