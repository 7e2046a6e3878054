using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SharpAmt.Cli;

/// <summary>
/// Options shared by several commands, defined once so that they read the same everywhere. Output options
/// sit on the root; connection options on every command that talks to a device. All are recursive, so they
/// may be given anywhere after the command they belong to.
/// </summary>
internal static class CommonOptions
{
    public const string DefaultUser = "admin";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public const string PasswordRefusal =
        "passwords are never accepted on the command line, where the process list and shell history would keep them; " +
        "set AMT_PASSWORD, put '<host> <user>:<password>' in ~/.config/sharpamt/credentials (chmod 600), or type it at the prompt";

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print results as JSON on stdout",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show stack traces with errors",
        Recursive = true,
    };

    public static readonly Option<string?> User = new("--user", "-u")
    {
        Description = $"User name [default: {DefaultUser}, or 'user' in the config file]",
        HelpName = "USER",
        Recursive = true,
    };

    public static readonly Option<bool> Tls = new("--tls")
    {
        Description = "Connect over TLS (port 16993); required by AMT 16.1 and later",
        Recursive = true,
    };

    public static readonly Option<bool> Insecure = new("--insecure")
    {
        Description = "With --tls: accept any certificate, pinned or not",
        Recursive = true,
    };

    public static readonly Option<string?> Ca = new("--ca")
    {
        Description = "With --tls: trust certificates issued by the authorities in FILE (PEM or DER) instead of pinning",
        HelpName = "FILE",
        Recursive = true,
    };

    public static readonly Option<ManagementProtocol?> Protocol = new("--protocol")
    {
        Description = "Management API: wsman, eoi (legacy SOAP of AMT 2.5–8), or auto from the firmware version [default: auto]",
        HelpName = "auto|wsman|eoi",
        Recursive = true,
        CustomParser = Infrastructure.Choices.Parser<ManagementProtocol?>("protocol", ("auto", ManagementProtocol.Auto), ("wsman", ManagementProtocol.WsMan), ("eoi", ManagementProtocol.Eoi)),
    };

    public static readonly Option<int?> Port = CreatePort();

    public static readonly Option<TimeSpan?> Timeout = CreateTimeout();

    public static readonly Option<string?> KnownHosts = new("--known-hosts")
    {
        Description = "Pinned certificates and digest realms [default: $XDG_CONFIG_HOME/sharpamt/known_hosts]",
        HelpName = "FILE",
        Recursive = true,
    };

    public static readonly Option<string?> Via = Configuration.ViaSetting.CreateOption();

    public static readonly Option<string?> Credentials = new("--credentials")
    {
        Description = "Password file, lines '<host-or-glob> <user>:<password>' [default: $XDG_CONFIG_HOME/sharpamt/credentials]",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>Declared only to refuse it: unknown, its value would be echoed back in the parse error.</summary>
    public static readonly Option<string?> Password = CreatePasswordTrap();

    /// <summary>The device to talk to: a name, an address, or a bare name the host template expands.</summary>
    public static Argument<string> CreateHostArgument() => new("HOST")
    {
        Description = "Device host name or address (bare names go through the host template)",
    };

    /// <summary>--consent-code for a command that opens a redirection session: the code the host's screen shows, when known already.</summary>
    public static Option<string?> CreateConsentCodeOption()
    {
        var option = new Option<string?>("--consent-code")
        {
            Description = "The 6-digit consent code the host's screen shows, when it is known already; otherwise it is asked for when the device needs it",
            HelpName = "NNNNNN",
        };
        option.Validators.Add(result =>
        {
            var code = result.GetValueOrDefault<string?>()?.Trim() ?? "";
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                result.AddError("--consent-code takes the 6 digits shown on the host's screen");
            }
        });
        return option;
    }

    /// <summary>Adds the connection options to a command that talks to a device.</summary>
    public static void AddConnectionOptions(Command command)
    {
        command.Options.Add(User);
        command.Options.Add(Tls);
        command.Options.Add(Insecure);
        command.Options.Add(Ca);
        command.Options.Add(Port);
        command.Options.Add(Protocol);
        command.Options.Add(Timeout);
        command.Options.Add(KnownHosts);
        command.Options.Add(Credentials);
        command.Options.Add(Via);
        command.Options.Add(Password);
    }

    /// <summary>Validators run on the innermost command only, so every device command adds this one itself.</summary>
    public static void RejectConflictingTrust(CommandResult result)
    {
        if (result.GetResult(Insecure) is not null && result.GetResult(Ca) is not null)
        {
            result.AddError("--insecure and --ca exclude each other: --insecure accepts any certificate, --ca only those of the given authorities");
        }
    }

    private static Option<int?> CreatePort()
    {
        var option = new Option<int?>("--port")
        {
            Description = "Port [default: 16992, or 16993 with --tls]",
            HelpName = "N",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } port && port is < 1 or > 65535)
            {
                result.AddError($"--port must be between 1 and 65535, not {port}");
            }
        });
        return option;
    }

    private static Option<TimeSpan?> CreateTimeout() => new("--timeout")
    {
        Description = $"Seconds one request may take, retries included [default: {DefaultTimeout.TotalSeconds}]",
        HelpName = "SECONDS",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            result.AddError($"--timeout must be a number of seconds greater than 0, not '{text}'");
            return null;
        },
    };

    private static Option<string?> CreatePasswordTrap()
    {
        var option = new Option<string?>("--password", "-p")
        {
            Hidden = true,
            Arity = ArgumentArity.ZeroOrOne,
            Recursive = true,
        };
        option.Validators.Add(result => result.AddError(PasswordRefusal));
        return option;
    }
}
