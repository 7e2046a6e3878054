namespace SharpAmt.Simulator.Host;

/// <summary>
/// The boot options AMT holds for the next boot: the writable AMT_BootSettingData fields, the source chosen
/// with ChangeBootOrder, and the role set with SetBootConfigRole. All of it applies to exactly one boot and
/// is then cleared, as on real firmware.
/// </summary>
public sealed class BootConfiguration
{
    /// <summary>The writable AMT_BootSettingData fields and their cleared values (reference section 4.2).</summary>
    public static IReadOnlyDictionary<string, string> ClearedValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
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

    private readonly Dictionary<string, string> _values = new(ClearedValues, StringComparer.Ordinal);

    /// <summary>InstanceID of the CIM_BootSourceSetting chosen by ChangeBootOrder, or null.</summary>
    public string? Source { get; private set; }

    /// <summary>True once SetBootConfigRole(Role=1) made the configuration the one for the next boot.</summary>
    public bool IsNextBoot { get; private set; }

    /// <summary>False from the first change until the boot that consumes the options.</summary>
    public bool OptionsCleared { get; private set; } = true;

    public string Value(string field) => _values.TryGetValue(field, out var value) ? value : "";

    public bool Flag(string field) => string.Equals(Value(field), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sets writable fields; unknown and read-only fields are ignored, as AMT ignores them in a Put.</summary>
    public void Set(IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (ClearedValues.ContainsKey(name) && _values[name] != value)
            {
                _values[name] = value;
                OptionsCleared = false;
            }
        }
    }

    public void SetSource(string? instanceId)
    {
        Source = instanceId;
        if (instanceId is not null)
        {
            OptionsCleared = false;
        }
    }

    public void SetRole(bool isNextBoot) => IsNextBoot = isNextBoot;

    /// <summary>Works out where the next boot goes, then forgets every option.</summary>
    public BootRecord Consume(DateTimeOffset at, CimPowerState cause)
    {
        var record = IsNextBoot
            ? new BootRecord(at, ChooseDevice(), Flag("UseSOL"), Flag("BIOSPause"), Flag("UseSafeMode"), cause)
            : new BootRecord(at, BootDevice.Default, false, false, false, cause);
        foreach (var (name, value) in ClearedValues)
        {
            _values[name] = value;
        }

        Source = null;
        IsNextBoot = false;
        OptionsCleared = true;
        return record;
    }

    private BootDevice ChooseDevice()
    {
        if (Flag("UseIDER"))
        {
            return Value("IDERBootDevice") == "1" ? BootDevice.IderCd : BootDevice.IderFloppy;
        }

        if (Flag("BIOSSetup"))
        {
            return BootDevice.BiosSetup;
        }

        return Source switch
        {
            BootSources.Pxe => BootDevice.Pxe,
            BootSources.HardDrive => BootDevice.HardDisk,
            BootSources.CdDvd => BootDevice.CdDvd,
            BootSources.Diagnostic => BootDevice.Diagnostics,
            _ => BootDevice.Default,
        };
    }
}
