using System.CommandLine;
using System.Globalization;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// The options every command that attaches to the serial console shares (<c>amt sol</c>, <c>amt console</c>):
/// the script steps, the log, the login method, the consent code and how long to try to get a dropped console
/// back. Each command gets its own instances, with the same wording.
/// </summary>
internal sealed class SolConsoleOptions
{
    public static readonly TimeSpan DefaultReconnectTimeout = Redirection.Sol.SolReconnectPolicy.Default.GiveUpAfter;

    public Option<string[]> Send { get; } = new("--send")
    {
        Description = @"Type TEXT on the console (escapes \r \n \t \e \xHH); repeatable, runs in order with --expect",
        HelpName = "TEXT",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Expect { get; } = new("--expect")
    {
        Description = "Wait until the console shows REGEX (each --timeout at most); repeatable, runs in order with --send",
        HelpName = "REGEX",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Log { get; } = new("--log")
    {
        Description = "Append everything the console shows to FILE",
        HelpName = "FILE",
    };

    public Option<bool> Plain { get; } = new("--plain-auth")
    {
        Description = "Log in with the clear-text method Debian's amtterm 1.4 uses instead of digest",
    };

    public Option<string?> ConsentCode { get; } = CommonOptions.CreateConsentCodeOption();

    public Option<double> ReconnectTimeout { get; } = new("--reconnect-timeout")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"When the device drops the console (an ME reset), keep trying to reconnect for SECONDS, then give up (default {DefaultReconnectTimeout.TotalSeconds:0}; 0 never reconnects)"),
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DefaultReconnectTimeout.TotalSeconds,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<double>() is < 0 or > 86_400 or double.NaN)
                {
                    result.AddError("--reconnect-timeout must be between 0 and 86400 seconds");
                }
            },
        },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Send);
        command.Options.Add(Expect);
        command.Options.Add(Log);
        command.Options.Add(Plain);
        command.Options.Add(ConsentCode);
        command.Options.Add(ReconnectTimeout);
    }
}
