using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Fleet;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SimulatedControlMode = SharpAmt.Simulator.ControlMode;
using SimulatedKvmSettings = SharpAmt.Simulator.Host.KvmSettings;

namespace SharpAmt.Cli.Commands.Sim;

/// <summary>The options of <c>amt sim</c> and how their values are parsed and checked.</summary>
internal static class SimOptions
{
    public static readonly Option<int> Count = CreateCount();

    public static readonly Option<IPAddress> FirstAddress = new("--first-address")
    {
        Description = "Address of the first device; the others follow (127.0.0.0/8 only)",
        HelpName = "A",
        DefaultValueFactory = _ => FleetOptions.DefaultFirstAddress,
        CustomParser = ParseLoopback,
    };

    public static readonly Option<IReadOnlyList<FirmwareProfile>> Firmware = new("--firmware")
    {
        Description = $"Firmware of the devices, assigned in turn: {FirmwareProfiles.Known}",
        HelpName = "V[,V...]",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [FirmwareProfiles.Default],
        CustomParser = ParseFirmware,
    };

    public static readonly Option<string> User = new("--user", "-u")
    {
        Description = "The devices' user name",
        HelpName = "U",
        DefaultValueFactory = _ => CommonOptions.DefaultUser,
    };

    public static readonly Option<string?> Password = CreatePassword();

    public static readonly Option<int> PowerDelay = CreatePowerDelay();

    public static readonly Option<SimulatedControlMode?> Mode = new("--control-mode")
    {
        // No default value factory: help would show the enum's name; acm is applied where the option is read.
        Description = "How the devices were activated: acm (admin control) or ccm (client control: consent always required) [default: acm]",
        HelpName = "acm|ccm",
        CustomParser = Choices.Parser<SimulatedControlMode?>("control mode", ("acm", SimulatedControlMode.Admin), ("ccm", SimulatedControlMode.Client)),
    };

    public static readonly Option<IReadOnlyList<FaultSpec>> Faults = new("--fault")
    {
        Description = $"Misbehave for testing clients (repeatable): {FaultSpec.Help}",
        HelpName = "SPEC",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = ParseFaults,
    };

    public static readonly Option<string?> CertificateDirectory = new("--cert-dir")
    {
        Description = "Where device certificates are kept, so TLS pins survive restarts [default: $XDG_DATA_HOME/sharpamt/sim-certs]",
        HelpName = "DIR",
    };

    public static readonly Option<bool> NoSerialGetty = new("--no-serial-getty")
    {
        Description = "The simulated OS runs no login on its serial port: SOL shows the boot, then nothing",
    };

    public static readonly Option<int> ConsolePace = CreateConsolePace();

    public static readonly Option<Resolution?> Screen = new("--screen")
    {
        // No default value factory: help would print the record; the default applies where the option is read.
        Description = $"Resolution of the desktop the simulated OS shows on its (first) monitor, up to {SimulatedScreenOptions.MaxWidth}x{SimulatedScreenOptions.MaxHeight} [default: 1920x1080]",
        HelpName = "WxH",
        CustomParser = result => ParseResolution(result, "--screen"),
    };

    public static readonly Option<int> Displays = CreateDisplays();

    public static readonly Option<Resolution?> ExtraScreen = new("--extra-screen")
    {
        Description = $"Resolution of the second and third displays, which extend the desktop [default: {SimulatedScreenOptions.Default.ExtraWidth}x{SimulatedScreenOptions.Default.ExtraHeight}]",
        HelpName = "WxH",
        CustomParser = result => ParseResolution(result, "--extra-screen"),
    };

    public static readonly Option<bool> NoDesktop = new("--no-desktop")
    {
        Description = "The simulated OS starts no display manager: its monitor stays on the text login (tty1)",
    };

    /// <summary>
    /// Hidden, for the sol-latency benchmark until the scripted host console exists: every device's serial port
    /// sends back what a SOL client types.
    /// </summary>
    public static readonly Option<bool> SerialEcho = new("--serial-echo")
    {
        Description = "Echo SOL keystrokes back from each device's serial port",
        Hidden = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only the ready lines, not device events",
    };

    private static Option<int> CreateCount()
    {
        var option = new Option<int>("--count", "-n")
        {
            Description = $"Number of devices, 1 to {FleetOptions.MaxDevices}",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var count and (< 1 or > FleetOptions.MaxDevices))
            {
                result.AddError($"--count must be between 1 and {FleetOptions.MaxDevices}, not {count}");
            }
        });
        return option;
    }

    private static Option<int> CreatePowerDelay()
    {
        var option = new Option<int>("--power-delay")
        {
            Description = "Milliseconds a power change takes to show",
            HelpName = "MS",
            DefaultValueFactory = _ => 1000,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var delay and (< 0 or > 600_000))
            {
                result.AddError($"--power-delay must be between 0 and 600000 milliseconds, not {delay}");
            }
        });
        return option;
    }

    private static Option<int> CreateConsolePace()
    {
        var option = new Option<int>("--console-pace")
        {
            Description = "Milliseconds between the lines a simulated host writes to its serial console as it boots",
            HelpName = "MS",
            DefaultValueFactory = _ => (int)HostConsoleOptions.Default.LinePace.TotalMilliseconds,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var pace and (< 0 or > 10_000))
            {
                result.AddError($"--console-pace must be between 0 and 10000 milliseconds, not {pace}");
            }
        });
        return option;
    }

    private static Option<string?> CreatePassword()
    {
        var option = new Option<string?>("--password", "-p")
        {
            Description = "Ask for the devices' password (without echo; one line from stdin when not at a terminal)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                result.AddError("--password takes no value: passwords are never accepted on the command line; give --password alone to be asked, or set AMT_PASSWORD");
            }
        });
        return option;
    }

    private static IPAddress ParseLoopback(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!IPAddress.TryParse(text, out var address))
        {
            result.AddError($"--first-address '{text}' is not an IPv4 address");
        }
        else if (!LoopbackAddresses.IsLoopback(address))
        {
            result.AddError($"--first-address {address} is not a loopback address; simulated devices only use 127.0.0.0/8");
        }

        return address ?? FleetOptions.DefaultFirstAddress;
    }

    private static Option<int> CreateDisplays()
    {
        var option = new Option<int>("--displays")
        {
            Description = $"Displays each simulated machine has, 1 to {SimulatedScreenOptions.MaxDisplays} (3 only on AMT 10 and later); KVM shows the one IPS_KVMRedirectionSettingData.DefaultScreen selects",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var displays and (< 1 or > SimulatedScreenOptions.MaxDisplays))
            {
                result.AddError($"--displays must be between 1 and {SimulatedScreenOptions.MaxDisplays}, not {displays}");
            }
        });
        return option;
    }

    private static Resolution? ParseResolution(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!SimulatedScreenOptions.TryParseResolution(text, out var width, out var height))
        {
            result.AddError($"{name} '{text}' is not a resolution such as 1920x1080");
            return null;
        }

        if (width is < SimulatedScreenOptions.MinWidth or > SimulatedScreenOptions.MaxWidth || height is < SimulatedScreenOptions.MinHeight or > SimulatedScreenOptions.MaxHeight)
        {
            result.AddError($"{name} {text}: a display must be {SimulatedScreenOptions.MinWidth}x{SimulatedScreenOptions.MinHeight} to {SimulatedScreenOptions.MaxWidth}x{SimulatedScreenOptions.MaxHeight}");
            return null;
        }

        return new Resolution(width, height);
    }

    private static List<FirmwareProfile> ParseFirmware(ArgumentResult result)
    {
        var profiles = new List<FirmwareProfile>();
        foreach (var text in result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (FirmwareProfiles.Find(text) is { } profile)
            {
                profiles.Add(profile);
            }
            else
            {
                result.AddError($"unknown firmware '{text}'; known: {FirmwareProfiles.Known}");
                return [];
            }
        }

        return profiles;
    }

    private static List<FaultSpec> ParseFaults(ArgumentResult result)
    {
        var faults = new List<FaultSpec>();
        foreach (var token in result.Tokens)
        {
            if (FaultSpec.TryParse(token.Value, out var error) is { } fault)
            {
                faults.Add(fault);
            }
            else
            {
                result.AddError(error!);
                return [];
            }
        }

        return faults;
    }

    /// <summary>Every firmware of the fleet must be able to select the displays asked for: a third needs AMT 10.</summary>
    public static void RequireDisplaysFit(CommandResult result)
    {
        if (!result.TryGet(Displays, out var displays) || !result.TryGet(Firmware, out var firmware) || firmware is null)
        {
            return;
        }

        if (firmware.FirstOrDefault(profile => displays > SimulatedKvmSettings.MaxDefaultScreenOf(profile) + 1) is { } older)
        {
            result.AddError($"--displays {displays} needs AMT 10 or later: AMT {older.Version} selects among {SimulatedKvmSettings.MaxDefaultScreenOf(older) + 1} displays");
        }
    }

    /// <summary>The addresses must stay inside 127.0.0.0/8 for the whole fleet.</summary>
    public static void RequireFleetFits(CommandResult result)
    {
        if (!result.TryGet(FirstAddress, out var first) || first is null || !result.TryGet(Count, out var count) || count is < 1 or > FleetOptions.MaxDevices)
        {
            return;
        }

        try
        {
            LoopbackAddresses.Sequence(first, count);
        }
        catch (ArgumentException)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{count} devices starting at {first} do not fit in 127.0.0.0/8"));
        }
    }
}
