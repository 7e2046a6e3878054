using System.CommandLine;
using System.Net;
using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>amt kvm HOST [--type TEXT] [--keys COMBO,...] [--screenshot FILE.png] [--listen ADDR:PORT] [--listen-websocket ADDR:PORT]</c>:
/// opens the device's KVM session (switching on the listener and KVM when off, asking for the consent code when the
/// policy needs it) and, in this order, types text, sends key combinations, saves the screen as a PNG, and serves the
/// session to VNC viewers (and to noVNC in a browser) until Ctrl-C. <c>amt kvm HOST settings</c> shows or changes the KVM
/// settings.
/// </summary>
internal sealed class KvmCommand : AmtCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    private static readonly Option<IPEndPoint?> Listen = new("--listen")
    {
        Description = "Serve the screen to VNC viewers on ADDR:PORT (a bare port means 127.0.0.1) until Ctrl-C, reconnecting when the device drops KVM",
        HelpName = "ADDR:PORT",
        CustomParser = ListenEndpoint.Parse,
    };

    private static readonly Option<IPEndPoint?> ListenWebSocket = new("--listen-websocket")
    {
        Description = "Serve the screen to browser viewers (noVNC: RFB over WebSocket, no websockify needed) on ADDR:PORT (a bare port means 127.0.0.1) until Ctrl-C",
        HelpName = "ADDR:PORT",
        CustomParser = ListenEndpoint.Parse,
    };

    private static readonly Option<List<string>> AllowOrigin = new("--allow-origin")
    {
        Description = "With --listen-websocket: let pages from this web origin (the URL noVNC is served from, such as http://127.0.0.1:8080) connect; "
            + "pages from anywhere else are refused, programs that send no origin are not; repeat for more",
        HelpName = "URL",
        CustomParser = AllowedOrigins.Parse,
    };

    private static readonly Option<string?> Screenshot = new("--screenshot")
    {
        Description = "Save the screen as received (exact pixels, 24-bit RGB) to FILE.png",
        HelpName = "FILE.png",
    };

    private static readonly Option<string?> Type = new("--type")
    {
        Description = "Type TEXT on the host's keyboard (Latin-1; a newline is Enter)",
        HelpName = "TEXT",
    };

    private static readonly Option<List<KeyCombo>?> Keys = new("--keys")
    {
        Description = "Press key combinations, comma-separated: ctrl-alt-del, enter, esc, f2, alt-f4, ctrl-alt-f1…",
        HelpName = "COMBO[,COMBO…]",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var text = result.Tokens[0].Value;
            if (KeyCombos.TryParse(text, out var combos, out var error))
            {
                return combos;
            }

            result.AddError(error!);
            return null;
        },
    };

    private static readonly Option<string?> ConsentCode = CommonOptions.CreateConsentCodeOption();

    private static readonly Option<bool> VncPassword = new("--vnc-password")
    {
        Description = $"With --listen or --listen-websocket: viewers must give a VNC password, read from {KvmGatewayPassword.Variable} or asked for without echo",
    };

    private static readonly Option<RfbPixelFormat?> PixelFormat = new("--pixel-format")
    {
        Description = "Pixels of the device's KVM session: rgb565 (AMT's own), rgb332 (8-bit: half the bytes, for slow links), gray8 or gray4 (AMT 16 and later) "
            + "[default: rgb565, or rgb332 when 16-bit pixels would exceed AMT's frame-buffer cap]",
        HelpName = "rgb565|rgb332|gray8|gray4",
        CustomParser = Choices.Parser<RfbPixelFormat?>("pixel format",
            ("rgb565", RfbPixelFormat.Rgb565), ("rgb332", RfbPixelFormat.Rgb332), ("gray8", RfbPixelFormat.Gray8), ("gray4", RfbPixelFormat.Gray4)),
    };

    private static readonly Option<bool> ViewOnly = new("--view-only")
    {
        Description = "With --listen or --listen-websocket: viewers see the screen, but their keys and pointer do not reach the device",
    };

    private static readonly Option<bool> Plain = new("--plain-auth")
    {
        Description = "Log in with the clear-text method Debian's amtterm 1.4 uses instead of digest",
    };

    public KvmCommand()
        : base("kvm", "KVM (remote screen, keyboard and mouse): type, press keys, take a screenshot, serve VNC viewers and noVNC; 'settings' shows or changes the KVM settings")
    {
        Arguments.Add(Host);
        Options.Add(Listen);
        Options.Add(ListenWebSocket);
        Options.Add(AllowOrigin);
        Options.Add(Screenshot);
        Options.Add(Type);
        Options.Add(Keys);
        Options.Add(ConsentCode);
        Options.Add(VncPassword);
        Options.Add(PixelFormat);
        Options.Add(ViewOnly);
        Options.Add(Plain);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new KvmSettingsCommand());
        RunsWithoutSubcommand();
        Validators.Add(CommonOptions.RejectConflictingTrust);
        Type.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>() ?? "";
            var bad = text.FirstOrDefault(c => !KvmKeysyms.TryFromChar(c, out _));
            if (text.Length == 0)
            {
                result.AddError("--type needs some text");
            }
            else if (bad != default)
            {
                result.AddError($"--type: character U+{(int)bad:X4} cannot be typed over KVM (Latin-1, newline, tab and backspace only)");
            }
        });
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var host = context.Value(Host);
        var listen = context.Value(Listen);
        var listenWebSocket = context.Value(ListenWebSocket);
        var serving = listen is not null || listenWebSocket is not null;
        var origins = context.Value(AllowOrigin) ?? [];
        var screenshot = context.Value(Screenshot);
        var text = context.Value(Type);
        var keys = context.Value(Keys) is { Count: > 0 } given ? given : null;
        if (!serving && screenshot is null && text is null && keys is null)
        {
            throw new UsageException("amt kvm HOST needs something to do: --listen, --listen-websocket, --screenshot, --type or --keys (or the settings command)");
        }

        if (screenshot is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(screenshot))))
        {
            throw new UsageException($"--screenshot: the directory of '{screenshot}' does not exist");
        }

        if (!serving && context.Value(VncPassword))
        {
            throw new UsageException("--vnc-password goes with --listen or --listen-websocket");
        }

        if (!serving && context.Value(ViewOnly))
        {
            throw new UsageException("--view-only goes with --listen or --listen-websocket");
        }

        if (listenWebSocket is null && origins.Count > 0)
        {
            throw new UsageException("--allow-origin goes with --listen-websocket");
        }

        var vncPassword = serving && context.Value(VncPassword) ? KvmGatewayPassword.Read(context.Environment, cancellationToken) : null;
        var options = DeviceConnector.Resolve(context, host, cancellationToken);
        await using var device = new AmtDevice(options);
        var output = context.Output;
        var prepare = new KvmPrepareOptions(RedirectionConsent.Prompting(context, host, context.Value(ConsentCode)?.Trim()))
        {
            EnableListener = true,
            EnableKvm = true,
        };
        var pixels = context.Value(PixelFormat);
        if (pixels is { IsGray: true })
        {
            await RequireGrayscaleAsync(device, host, cancellationToken);
        }

        var connector = new KvmConnector(device, RedirectionConnection.From(options, context.Value(Plain)), prepare, new KvmSessionOptions { Format = pixels });
        var session = await connector.OpenAsync(cancellationToken);
        var handedOver = false;
        try
        {
            if (text is not null)
            {
                await session.TypeTextAsync(text, cancellationToken);
                Say(context, $"typed {text.Length} characters");
            }

            foreach (var combo in keys ?? [])
            {
                await combo.SendAsync(session, cancellationToken);
                Say(context, $"pressed {combo.Name}");
            }

            if (screenshot is not null)
            {
                var picture = await KvmScreenshot.WriteAsync(session, screenshot, afterInput: text is not null || keys is not null, cancellationToken);
                Say(context, $"screenshot {picture.Size.Width}×{picture.Size.Height} ({session.Format}) saved to {screenshot}");
            }

            var size = session.Size;
            var format = session.Format.ToString();
            KvmGatewayRunner.Served? served = null;
            if (serving)
            {
                handedOver = true;
                served = await KvmGatewayRunner.RunAsync(context, session, connector, new KvmGatewayOptions
                {
                    Listen = listen,
                    ListenWebSocket = listenWebSocket,
                    AllowedOrigins = origins,
                    VncPassword = vncPassword,
                    Name = $"{host} (Intel AMT KVM via SharpAMT)",
                    // Viewers coming and going, and why one was refused (a wrong VNC password), on stderr.
                    Log = output.Diagnostic,
                    ViewOnly = context.Value(ViewOnly),
                }, cancellationToken);
            }

            if (output.IsJson)
            {
                var view = new KvmRunView(host, size.Width, size.Height, format, text?.Length, keys?.Select(combo => combo.Name).ToList(), screenshot,
                    served?.Endpoint, served?.WebSocketUrl, served?.Reconnects, serving ? "stopped" : null);
                output.Result(view, KvmJsonContext.Default.KvmRunView, static _ => { });
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (!handedOver)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Gray pixels are AMT 16's (GrayscalePixelFormatSupported); older firmware is not asked for them at all.</summary>
    private static async Task RequireGrayscaleAsync(AmtDevice device, string host, CancellationToken cancellationToken)
    {
        var settings = await device.GetKvmSettingsAsync(cancellationToken);
        if (settings.GrayscaleSupported != true)
        {
            throw new CliException($"{host}: this device does not offer gray pixel formats (AMT 16 and later report GrayscalePixelFormatSupported); use rgb565 or rgb332", ExitCodes.DeviceError);
        }
    }

    private static void Say(CommandContext context, string line)
    {
        if (!context.Output.IsJson)
        {
            context.Output.Line(line);
        }
    }
}
