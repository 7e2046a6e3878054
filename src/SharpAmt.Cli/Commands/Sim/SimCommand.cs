using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Fleet;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;

namespace SharpAmt.Cli.Commands.Sim;

/// <summary><c>amt sim</c>: simulated AMT devices on loopback addresses, running until Ctrl-C.</summary>
internal sealed class SimCommand : AmtCommand
{
    public SimCommand()
        : base("sim", "Run simulated AMT devices on loopback addresses until Ctrl-C")
    {
        Options.Add(SimOptions.Count);
        Options.Add(SimOptions.FirstAddress);
        Options.Add(SimOptions.Firmware);
        Options.Add(SimOptions.User);
        Options.Add(SimOptions.Password);
        Options.Add(SimOptions.PowerDelay);
        Options.Add(SimOptions.Mode);
        Options.Add(SimOptions.Faults);
        Options.Add(SimOptions.CertificateDirectory);
        Options.Add(SimOptions.NoSerialGetty);
        Options.Add(SimOptions.ConsolePace);
        Options.Add(SimOptions.Screen);
        Options.Add(SimOptions.Displays);
        Options.Add(SimOptions.ExtraScreen);
        Options.Add(SimOptions.NoDesktop);
        Options.Add(SimOptions.Quiet);
        Options.Add(SimOptions.SerialEcho);
        Validators.Add(SimOptions.RequireFleetFits);
        Validators.Add(SimOptions.RequireDisplaysFit);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var password = SimulatorPassword.Resolve(context.Environment, context.Parse.GetResult(SimOptions.Password) is not null, cancellationToken);
        var faults = context.Value(SimOptions.Faults) ?? [];
        var options = new FleetOptions
        {
            Count = context.Value(SimOptions.Count),
            FirstAddress = context.Value(SimOptions.FirstAddress)!,
            Firmware = context.Value(SimOptions.Firmware)!,
            Template = new SimulatedDeviceOptions
            {
                Address = context.Value(SimOptions.FirstAddress)!,
                User = context.Value(SimOptions.User)!,
                Password = password.Password,
                ControlMode = context.Value(SimOptions.Mode) ?? SharpAmt.Simulator.ControlMode.Admin,
                PowerTransitionDelay = TimeSpan.FromMilliseconds(context.Value(SimOptions.PowerDelay)),
                CertificateDirectory = context.Value(SimOptions.CertificateDirectory) ?? CliPaths.SimulatorCertificates(context.Environment),
                Console = HostConsoleOptions.Default with
                {
                    SerialGetty = !context.Value(SimOptions.NoSerialGetty),
                    Enabled = !context.Value(SimOptions.SerialEcho),
                    LinePace = TimeSpan.FromMilliseconds(context.Value(SimOptions.ConsolePace)),
                },
                Screen = Screen(context),
            },
        };

        var output = context.Output;
        if (password.IsDefault)
        {
            output.Line(SimulatorPassword.DefaultNotice);
        }

        await using var log = new FleetLog(output);
        var quiet = context.Value(SimOptions.Quiet);
        var serialEcho = context.Value(SimOptions.SerialEcho);
        await using var fleet = await FleetStarter.StartAsync(options, device =>
        {
            foreach (var fault in faults)
            {
                fault.ApplyTo(device);
            }

            if (serialEcho)
            {
                var port = device.SerialPort;
                port.InputReceived += typed => _ = port.HostWriteAsync(typed).AsTask();
            }

            log.Add(FleetLog.ReadyLine(device));
            if (!quiet)
            {
                log.Attach(device);
            }
        }, cancellationToken);
        log.Add(FleetStarter.Summary(fleet.Devices.Count));
        await FleetStarter.WaitForStopAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static SimulatedScreenOptions Screen(CommandContext context)
    {
        var defaults = SimulatedScreenOptions.Default;
        var desktop = context.Value(SimOptions.Screen) ?? new Resolution(defaults.Width, defaults.Height);
        var extra = context.Value(SimOptions.ExtraScreen) ?? new Resolution(defaults.ExtraWidth, defaults.ExtraHeight);
        return defaults with
        {
            Width = desktop.Width,
            Height = desktop.Height,
            GraphicalDesktop = !context.Value(SimOptions.NoDesktop),
            Displays = context.Value(SimOptions.Displays),
            ExtraWidth = extra.Width,
            ExtraHeight = extra.Height,
        };
    }
}
