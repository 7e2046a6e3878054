using SharpAmt.WsMan.Amt;
using WireBoot = SharpAmt.WsMan.Amt.BootConfiguration;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The boot options AMT holds for the next boot: the writable AMT_BootSettingData fields, the source chosen
/// with ChangeBootOrder, and the role set with SetBootConfigRole. All of it applies to exactly one boot and
/// is then cleared, as on real firmware.
/// </summary>
public sealed class PendingBootOptions
{
    private readonly Dictionary<string, string> _values = new(WireBoot.WritableFields, StringComparer.Ordinal);

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
            if (WireBoot.WritableFields.ContainsKey(name) && _values[name] != value)
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
        foreach (var (name, value) in WireBoot.WritableFields)
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
            return Value("IDERBootDevice") == WireBoot.IderCd ? BootDevice.IderCd : BootDevice.IderFloppy;
        }

        if (Flag("BIOSSetup"))
        {
            return BootDevice.BiosSetup;
        }

        return Source switch
        {
            BootSourceIds.Pxe => BootDevice.Pxe,
            BootSourceIds.HardDrive => BootDevice.HardDisk,
            BootSourceIds.CdDvd => BootDevice.CdDvd,
            BootSourceIds.Diagnostic => BootDevice.Diagnostics,
            _ => BootDevice.Default,
        };
    }
}
