using SharpAmt.Eoi;
using SharpAmt.WsMan.Amt;
using WireBoot = SharpAmt.WsMan.Amt.BootConfiguration;

namespace SharpAmt.Simulator.Eoi;

/// <summary>
/// A RemoteControl call's boot options in the terms of the host's pending boot options (the writable
/// AMT_BootSettingData fields and the boot source), so that a boot started over EOI and one started over WS-Man
/// are the same thing to the host.
/// </summary>
internal sealed record RemoteControlBoot(string? Source, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public bool IsEmpty => Source is null && Fields.Count == 0;

    /// <summary>The options, or the PT_STATUS refusing them. Nothing is applied here.</summary>
    public static (RemoteControlBoot? Options, uint Status) From(EoiRemoteControlRequest request)
    {
        if (request.IanaOemNumber is not (EoiIanaNumbers.Intel or EoiIanaNumbers.Asf))
        {
            return (null, PtStatus.UnsupportedOemNumber);
        }

        var fields = new List<KeyValuePair<string, string>>();
        string? source = null;
        switch (request.Special)
        {
            case null or EoiSpecialCommand.Nop:
                break;
            case EoiSpecialCommand.Pxe:
                source = BootSourceIds.Pxe;
                break;
            case EoiSpecialCommand.HardDisk:
                source = BootSourceIds.HardDrive;
                break;
            case EoiSpecialCommand.HardDiskSafeMode:
                source = BootSourceIds.HardDrive;
                fields.Add(Flag("UseSafeMode"));
                break;
            case EoiSpecialCommand.Diagnostics:
                source = BootSourceIds.Diagnostic;
                break;
            case EoiSpecialCommand.CdDvd:
                source = BootSourceIds.CdDvd;
                break;
            case EoiSpecialCommand.IntelOem when request.IanaOemNumber == EoiIanaNumbers.Intel:
                if (!AddOemCommand(request.SpecialCommandParameter, fields))
                {
                    return (null, PtStatus.InvalidSpecialCommand);
                }

                break;
            default:
                // An unknown value, or the Intel command under the ASF number (the SDK allows it with 343 only).
                return (null, PtStatus.InvalidSpecialCommand);
        }

        if (request.OemParameters is { } oem)
        {
            if (request.IanaOemNumber != EoiIanaNumbers.Intel || (oem & ~EoiOemParameters.UseSol) != 0)
            {
                return (null, PtStatus.UnsupportedBootOption);
            }

            if ((oem & EoiOemParameters.UseSol) != 0)
            {
                fields.Add(Flag("UseSOL"));
            }
        }

        if (request.BootOptions is { } options && !AddBootOptions(options, fields))
        {
            return (null, PtStatus.UnsupportedBootOption);
        }

        return (new RemoteControlBoot(source, fields), PtStatus.Success);
    }

    /// <summary>
    /// The Intel OEM command. Without a SpecialCommandParameter it is what amttool's <c>bios</c> sends (with
    /// UseSol), and its users expect the BIOS setup screen on the serial console: the simulator enters BIOS setup.
    /// </summary>
    private static bool AddOemCommand(ushort? parameter, List<KeyValuePair<string, string>> fields)
    {
        if (parameter is not { } bits)
        {
            fields.Add(Flag("BIOSSetup"));
            return true;
        }

        if ((bits & ~EoiSpecialCommandParameters.Defined) != 0)
        {
            return false;
        }

        if ((bits & EoiSpecialCommandParameters.UseIderFloppy) != 0)
        {
            fields.Add(Flag("UseIDER"));
            fields.Add(new("IDERBootDevice", (bits & EoiSpecialCommandParameters.UseIderCd) == EoiSpecialCommandParameters.UseIderCd ? WireBoot.IderCd : WireBoot.IderFloppy));
        }

        AddIf(bits, EoiSpecialCommandParameters.ReflashBios, "ReflashBIOS", fields);
        AddIf(bits, EoiSpecialCommandParameters.BiosSetup, "BIOSSetup", fields);
        AddIf(bits, EoiSpecialCommandParameters.BiosPause, "BIOSPause", fields);
        return true;
    }

    private static bool AddBootOptions(ushort options, List<KeyValuePair<string, string>> fields)
    {
        if ((options & ~EoiBootOptions.Defined) != 0)
        {
            return false;
        }

        AddIf(options, EoiBootOptions.LockPowerButton, "LockPowerButton", fields);
        AddIf(options, EoiBootOptions.LockResetButton, "LockResetButton", fields);
        AddIf(options, EoiBootOptions.LockKeyboard, "LockKeyboard", fields);
        AddIf(options, EoiBootOptions.LockSleepButton, "LockSleepButton", fields);
        AddIf(options, EoiBootOptions.UserPasswordBypass, "UserPasswordBypass", fields);
        AddIf(options, EoiBootOptions.ForceProgressEvents, "ForcedProgressEvents", fields);
        AddIf(options, EoiBootOptions.ConfigurationDataReset, "ConfigurationDataReset", fields);
        var verbosity = (options & EoiBootOptions.VerbosityMask) / EoiBootOptions.VerbosityQuiet;
        if (verbosity != 0)
        {
            // AMT_BootSettingData.FirmwareVerbosity: 1 quiet, 2 verbose, 3 blank, as the ASF bits count.
            fields.Add(new("FirmwareVerbosity", verbosity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return true;
    }

    private static void AddIf(int bits, int mask, string field, List<KeyValuePair<string, string>> fields)
    {
        if ((bits & mask) == mask)
        {
            fields.Add(Flag(field));
        }
    }

    private static KeyValuePair<string, string> Flag(string field) => new(field, "true");
}
