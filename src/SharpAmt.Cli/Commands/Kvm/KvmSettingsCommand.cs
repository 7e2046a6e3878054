using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>amt kvm HOST settings [--default-screen N] [--session-timeout MINUTES] [--consent on|off]
/// [--consent-timeout SECONDS] [--port5900 on|off] [--rfb-password] [--enable|--disable]</c>: shows the KVM
/// settings, or changes only the ones given. The RFB password comes from AMT_RFB_PASSWORD or a prompt without echo.
/// </summary>
internal sealed class KvmSettingsCommand : DeviceCommand
{
    private static readonly Option<int?> DefaultScreen = Number("--default-screen", "N", "Display KVM shows: 0, 1, or 2 on AMT 10 and later (the consent code's display is set with amt consent HOST display N)", 0, 2);

    private static readonly Option<int?> SessionTimeout = Number("--session-timeout", "MINUTES", "KVM session timeout in minutes (0 to 65535)", 0, ushort.MaxValue);

    private static readonly Option<Toggle?> Consent = new("--consent")
    {
        Description = "Whether a KVM session needs user consent (the code shown on the host's screen); off needs admin control mode",
        HelpName = "on|off",
        CustomParser = Choices.OnOff("--consent value"),
    };

    private static readonly Option<int?> ConsentTimeout = Number("--consent-timeout", "SECONDS", "KVM consent timeout in seconds (0 to 65535)", 0, ushort.MaxValue);

    private static readonly Option<Toggle?> Port5900 = new("--port5900")
    {
        Description = $"Standard VNC on port 5900, without TLS, before AMT 16; on needs the RFB password from {RfbPasswordSource.Variable} or the prompt",
        HelpName = "on|off",
        CustomParser = Choices.OnOff("--port5900 value"),
    };

    private static readonly Option<string?> NewRfbPassword = CreateRfbPasswordOption();

    private static readonly Option<bool> Enable = new("--enable") { Description = "Enable KVM (as amt features HOST --kvm on)" };

    private static readonly Option<bool> Disable = new("--disable") { Description = "Disable KVM (as amt features HOST --kvm off)" };

    public KvmSettingsCommand()
        : base("settings", "Show the KVM settings, or change the ones given", KvmCommand.Host)
    {
        Options.Add(DefaultScreen);
        Options.Add(SessionTimeout);
        Options.Add(Consent);
        Options.Add(ConsentTimeout);
        Options.Add(Port5900);
        Options.Add(NewRfbPassword);
        Options.Add(Enable);
        Options.Add(Disable);
        Validators.Add(RejectContradictions);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var port5900 = context.Value(Port5900).AsBoolean();
        var password = port5900 == true || context.IsGiven(NewRfbPassword)
            ? RfbPasswordSource.Read(context.Environment, cancellationToken)
            : null;
        var change = new KvmSettingsChange
        {
            DefaultScreen = context.Value(DefaultScreen),
            SessionTimeoutMinutes = context.Value(SessionTimeout),
            ConsentRequired = context.Value(Consent).AsBoolean(),
            ConsentTimeoutSeconds = context.Value(ConsentTimeout),
            Port5900Enabled = port5900,
            RfbPassword = password,
            KvmEnabled = context.Value(Enable) ? true : context.Value(Disable) ? false : null,
        };
        var settings = change.IsEmpty
            ? await device.GetKvmSettingsAsync(cancellationToken)
            : await device.SetKvmSettingsAsync(change, cancellationToken);
        KvmSettingsView.Show(context, KvmSettingsView.From(device.Endpoint, settings), context.Value(KvmCommand.Host));
        WarnOfAbsentDisplay(context, device.Endpoint, change.DefaultScreen, settings.ActiveDisplays);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Firmware was not seen refusing a display that is not connected, nor is it known what KVM shows then, so the
    /// setting is kept (it takes effect once that display is connected) and the user is told.
    /// </summary>
    private static void WarnOfAbsentDisplay(CommandContext context, string endpoint, int? screen, KvmDisplays? active)
    {
        if (screen is { } display && active is { } displays && !displays.Contains(display))
        {
            context.Output.Diagnostic($"warning: {endpoint} reports no display {display} connected (active: {displays}); the setting is stored, but KVM may not show that display until one is connected there");
        }
    }

    private static void RejectContradictions(CommandResult result)
    {
        var given = result.Children.OfType<OptionResult>().Where(option => !option.Implicit).Select(option => option.Option).ToHashSet();
        if (given.Contains(Enable) && given.Contains(Disable))
        {
            result.AddError("give --enable or --disable, not both");
        }

        if (given.Contains(Disable) && result.GetValue(Port5900) == Toggle.On)
        {
            result.AddError("port 5900 serves KVM: --port5900 on cannot go with --disable");
        }
    }

    private static Option<int?> Number(string name, string helpName, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'");
            return null;
        },
    };

    /// <summary>Takes no value: a value would be a password on the command line, and is refused without being quoted.</summary>
    private static Option<string?> CreateRfbPasswordOption()
    {
        var option = new Option<string?>("--rfb-password")
        {
            Description = $"Set a new RFB (VNC) password, read from {RfbPasswordSource.Variable} or asked for without echo",
            Arity = ArgumentArity.ZeroOrOne,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                result.AddError($"--rfb-password takes no value: passwords are never accepted on the command line; set {RfbPasswordSource.Variable} or give --rfb-password alone to be asked");
            }
        });
        return option;
    }
}
