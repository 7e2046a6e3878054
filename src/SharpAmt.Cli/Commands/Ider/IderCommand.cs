using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Cli.Commands.Ider;

/// <summary>
/// <c>amt ider HOST --cd FILE.iso [--floppy FILE.img]</c>: serves the images as the host's IDE-R CD-ROM and floppy
/// over the redirection port (16994, or 16995 with --tls), after obtaining user consent when the device's policy asks
/// for it. With --boot it then boots the host from them and stops once the host has stopped reading; without, it
/// serves until Ctrl-C or the device ends the session.
/// </summary>
internal sealed class IderCommand : AmtCommand
{
    private static readonly (string Name, IderStartMode Value)[] StartModes =
    [
        ("now", IderStartMode.Now),
        ("graceful", IderStartMode.Graceful),
        ("next-boot", IderStartMode.OnReboot),
    ];

    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public static readonly Option<string?> Cd = new("--cd")
    {
        Description = "Serve FILE (an ISO, whole 2048-byte sectors) as the IDE-R CD-ROM",
        HelpName = "FILE",
    };

    public static readonly Option<string?> Floppy = new("--floppy")
    {
        Description = "Serve FILE (whole 512-byte sectors) as the IDE-R floppy",
        HelpName = "FILE",
    };

    public static readonly Option<IderStartMode?> Start = new("--start")
    {
        Description = "When the device connects the drives to the host: now, graceful or next-boot [default: now]",
        HelpName = "now|graceful|next-boot",
        CustomParser = Choices.Parser<IderStartMode?>("start mode", StartModes.Select(mode => (mode.Name, (IderStartMode?)mode.Value)).ToArray()),
    };

    public static readonly Option<bool> Boot = new("--boot")
    {
        Description = "Reset (or power on) the host to boot from the IDE-R CD (the floppy with only --floppy), and stop once it stopped reading",
    };

    public static readonly Option<bool> Sol = new("--sol")
    {
        Description = "With --boot: redirect the boot's console to Serial-over-LAN, so an amt sol or amt console session shows the BIOS reading the medium",
    };

    public static readonly Option<double> Idle = new("--idle")
    {
        Description = "With --boot: the host has stopped reading after this many seconds without a read",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 3,
    };

    public static readonly Option<double> FirstRead = new("--first-read")
    {
        Description = "With --boot: give up when the host has not read from the drives this many seconds after the boot",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 300,
    };

    public static readonly Option<bool> Plain = new("--plain-auth")
    {
        Description = "Log in with the clear-text method Debian's amtterm 1.4 uses instead of digest",
    };

    public static readonly Option<string?> ConsentCode = CommonOptions.CreateConsentCodeOption();

    public IderCommand()
        : base("ider", "IDE redirection: serve an ISO and/or floppy image as the host's CD-ROM and floppy, and optionally boot from them")
    {
        Arguments.Add(Host);
        Options.Add(Cd);
        Options.Add(Floppy);
        Options.Add(Start);
        Options.Add(Boot);
        Options.Add(Sol);
        Options.Add(Idle);
        Options.Add(FirstRead);
        Options.Add(Plain);
        Options.Add(ConsentCode);
        CommonOptions.AddConnectionOptions(this);
        Validators.Add(CommonOptions.RejectConflictingTrust);
        Validators.Add(result =>
        {
            if (result.GetResult(Sol) is not null && result.GetResult(Boot) is null)
            {
                result.AddError("--sol works only with --boot (it redirects the console of the boot --boot starts)");
            }
        });
        Idle.Validators.Add(result => RequireSeconds(result, "--idle"));
        FirstRead.Validators.Add(result => RequireSeconds(result, "--first-read"));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The images are checked before anything else, so a bad path costs no connection.
        await using var images = IderImages.Open(context.Value(Cd), context.Value(Floppy));
        var options = DeviceConnector.Resolve(context, context.Value(Host), cancellationToken);
        var client = RedirectionConnection.From(options, context.Value(Plain));
        await RedirectionConsent.PrepareAsync(context, options, RedirectionKind.Ider, context.Value(Host), context.Value(ConsentCode)?.Trim(), cancellationToken);

        var session = await OpenAsync(client, images, context.Value(Start) ?? IderStartMode.Now, cancellationToken);
        string outcome;
        var exitCode = ExitCodes.Success;
        await using (session)
        {
            var progress = IderProgressLine.StartIfTerminal(session, context.Environment.Error, context.Environment.ErrorIsTerminal);
            try
            {
                outcome = context.Value(Boot)
                    ? await BootAndServeAsync(session, options, images, context.Value(Sol), TimeSpan.FromSeconds(context.Value(Idle)), TimeSpan.FromSeconds(context.Value(FirstRead)),
                        cancellationToken)
                    : await ServeAsync(session, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: the normal end without --boot; with --boot the boot did not finish.
                outcome = "interrupted";
                exitCode = context.Value(Boot) ? ExitCodes.Interrupted : ExitCodes.Success;
            }
            finally
            {
                if (progress is not null)
                {
                    await progress.DisposeAsync();
                }
            }

            // Bounded by the session's close timeout; the user's Ctrl-C must not skip the orderly end.
            await session.CloseAsync(CancellationToken.None);
        }

        Report(context, options.Host, session, images, outcome);
        return exitCode;
    }

    private static async Task<IderSession> OpenAsync(RedirectionClientOptions client, IderImages images, IderStartMode start, CancellationToken cancellationToken)
    {
        try
        {
            return await IderSession.OpenAsync(client, new IderSessionOptions { Cdrom = images.Cdrom, Floppy = images.Floppy, StartMode = start }, cancellationToken);
        }
        catch (RedirectionRefusedException refused) when (refused.IsBusy)
        {
            throw new CliException($"{client.Endpoint}: IDE-R is in use by another session", ExitCodes.DeviceError, refused);
        }
        catch (RedirectionRefusedException refused) when (refused.Status is RedirectionStatus.Unsupported or RedirectionStatus.TypeUnknown)
        {
            throw new CliException($"{client.Endpoint}: IDE-R is disabled or not supported on this device; enable it with: amt features {client.Host} --ider on",
                ExitCodes.DeviceError, refused);
        }
    }

    /// <summary>Serves until the device ends the session; a dropped session is an error.</summary>
    private static async Task<string> ServeAsync(IderSession session, CancellationToken cancellationToken)
    {
        await session.Completion.WaitAsync(cancellationToken);
        return "the device ended the session";
    }

    private static async Task<string> BootAndServeAsync(IderSession session, AmtConnectionOptions options, IderImages images, bool useSol, TimeSpan idle, TimeSpan firstRead,
        CancellationToken cancellationToken)
    {
        var target = images.Cdrom is not null ? BootTarget.IderCd : BootTarget.IderFloppy;
        await using (var device = new AmtDevice(options))
        {
            var power = await device.GetPowerStatusAsync(cancellationToken);
            var action = power.State == AmtPowerState.On ? PowerAction.Reset : PowerAction.On;
            await device.BootAsync(new BootRequest(target, action, UseSol: useSol), cancellationToken);
        }

        switch (await session.WaitForHostIdleAsync(idle, firstRead, cancellationToken))
        {
            case IderHostActivity.StoppedReading:
                return "the host stopped reading";
            case IderHostActivity.NeverRead:
                throw new CliException($"{session.Endpoint}: the host did not read from the IDE-R drives within {firstRead.TotalSeconds:0.#} s of the boot",
                    ExitCodes.DeviceError);
            default:
                await session.Completion;
                return "the device ended the session";
        }
    }

    private static void RequireSeconds(System.CommandLine.Parsing.OptionResult result, string name)
    {
        var seconds = result.GetValueOrDefault<double>();
        if (seconds <= 0 || seconds > 3600 || double.IsNaN(seconds))
        {
            result.AddError($"{name} takes seconds between 0 and 3600");
        }
    }

    private static void Report(CommandContext context, string host, IderSession session, IderImages images, string outcome)
    {
        var cd = session.GetProgress(AtapiDeviceKind.Cdrom);
        var floppy = session.GetProgress(AtapiDeviceKind.Floppy);
        var json = new JsonObject
        {
            ["host"] = host,
            ["outcome"] = outcome,
            ["cd"] = Json(cd),
            ["floppy"] = Json(floppy),
            ["resets"] = session.Resets,
        };
        var drives = new List<string>();
        if (images.Cdrom is not null)
        {
            drives.Add(IderProgressLine.Describe(cd, "CD"));
        }

        if (images.Floppy is not null)
        {
            drives.Add(IderProgressLine.Describe(floppy, "floppy"));
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{host}: {string.Join("; ", drives)}; {outcome}");
        // A plain line rather than a drawn one: it is one sentence, and must not wrap at the console width.
        if (context.Output.IsJson)
        {
            context.Output.Result<JsonNode>(json, CliJsonContext.Default.JsonNode, static _ => { });
        }
        else
        {
            context.Output.Line(line);
        }
    }

    private static JsonObject Json(IderProgress progress) => new()
    {
        ["bytesServed"] = progress.BytesServed,
        ["bytesPerSecond"] = Math.Round(progress.BytesPerSecond),
        ["readCommands"] = progress.ReadCommands,
        ["lastLba"] = progress.LastLba,
    };
}
