using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Amt;

/// <summary>Boot control (reference section 4.2): the instances, sources, roles and AMT_BootSettingData fields.</summary>
public static class BootConfiguration
{
    public const string ConfigurationInstance = "Intel(r) AMT: Boot Configuration 0";
    public const string BootServiceName = "Intel(r) AMT Boot Service";

    /// <summary>SetBootConfigRole: the configuration applies to the next boot only.</summary>
    public const int RoleIsNextSingleUse = 1;

    /// <summary>SetBootConfigRole: the configuration is not used.</summary>
    public const int RoleIsNotNext = 32768;

    public static SelectorSet ConfigurationSelectors { get; } = SelectorSet.Of(("InstanceID", ConfigurationInstance));

    public static SelectorSet BootServiceSelectors { get; } = SelectorSet.Of(("Name", BootServiceName));

    public static EndpointReference ConfigurationReference { get; } = EndpointReference.For(AmtClassNames.BootConfigSetting, ("InstanceID", ConfigurationInstance));

    public static EndpointReference SourceReference(string instanceId) => EndpointReference.For(AmtClassNames.BootSourceSetting, ("InstanceID", instanceId));

    /// <summary>The writable AMT_BootSettingData fields and the values they hold when no option is set.</summary>
    public static IReadOnlyDictionary<string, string> WritableFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BIOSPause"] = "false",
        ["BIOSSetup"] = "false",
        ["BootMediaIndex"] = "0",
        ["ConfigurationDataReset"] = "false",
        ["EnforceSecureBoot"] = "false",
        ["FirmwareVerbosity"] = "0",
        ["ForcedProgressEvents"] = "false",
        ["IDERBootDevice"] = "0",
        ["LockKeyboard"] = "false",
        ["LockPowerButton"] = "false",
        ["LockResetButton"] = "false",
        ["LockSleepButton"] = "false",
        ["ReflashBIOS"] = "false",
        ["SecureErase"] = "false",
        ["UseIDER"] = "false",
        ["UseSOL"] = "false",
        ["UseSafeMode"] = "false",
        ["UserPasswordBypass"] = "false",
        ["PlatformErase"] = "false",
        ["RSEPassword"] = "",
        ["UefiBootParametersArray"] = "",
        ["UefiBootNumberOfParams"] = "0",
    };

    /// <summary>
    /// Fields the firmware computes; real consoles leave them (and the UEFI parameter blob) out of a Put, and a
    /// device ignores them when a client sends them anyway.
    /// </summary>
    public static IReadOnlyList<string> ReadOnlyFields { get; } =
    [
        "BIOSLastStatus", "BootguardStatus", "OptionsCleared", "RPEEnabled", "SecureBootControlEnabled",
        "UEFIHTTPSBootEnabled", "UEFILocalPBABootEnabled", "WinREBootEnabled", "UefiBootParametersArray",
    ];

    /// <summary>IDERBootDevice: 0 floppy, 1 CD.</summary>
    public const string IderFloppy = "0";

    public const string IderCd = "1";
}
