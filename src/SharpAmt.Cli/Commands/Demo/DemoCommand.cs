using System.Collections.Concurrent;
using SharpAmt.Cli.Commands.Sim;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Fleet;
using SharpAmt.Simulator.Host;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Demo;

/// <summary>
/// <c>amt demo</c>: eight simulated devices and a live table of what happens to them, for a first look.
/// Without a terminal the same information comes as plain lines.
/// </summary>
internal sealed class DemoCommand : AmtCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public DemoCommand()
        : base("demo", "Start eight simulated devices of mixed firmware and watch them while you try amt from another terminal")
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var environment = context.Environment;
        var password = SimulatorPassword.Resolve(environment, ask: false, cancellationToken);
        var options = DemoFleet.Options(environment, password.Password);
        var tryCommands = DemoFleet.TryCommands(password.IsDefault, options.FirstAddress);
        return environment.OutputIsTerminal && !context.Output.IsJson
            ? await RunLiveAsync(context, options, tryCommands, cancellationToken)
            : await RunPlainAsync(context.Output, options, tryCommands, cancellationToken);
    }

    private static async Task<int> RunLiveAsync(CommandContext context, FleetOptions options, IReadOnlyList<string> tryCommands, CancellationToken cancellationToken)
    {
        var recent = new ConcurrentQueue<string>();
        void Remember(SimulatedDevice device, HostEvent hostEvent)
        {
            recent.Enqueue($"{hostEvent.At.ToLocalTime():HH:mm:ss} {FleetLog.Describe(device, hostEvent)}");
            while (recent.Count > DemoDashboard.RecentEvents && recent.TryDequeue(out _))
            {
            }
        }

        await using var fleet = await FleetStarter.StartAsync(options, device => device.Changed += Remember, cancellationToken);
        var environment = context.Environment;
        var console = SpectreConsoles.Create(environment.Out, isTerminal: true, noColor: environment.Variable("NO_COLOR") is not null);
        await console.Live(DemoDashboard.Render(tryCommands, fleet.Devices, [.. recent]))
            .AutoClear(false)
            .StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    live.UpdateTarget(DemoDashboard.Render(tryCommands, fleet.Devices, [.. recent]));
                    live.Refresh();
                    try
                    {
                        await Task.Delay(Refresh, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl-C: leave the last picture on the screen.
                    }
                }
            });
        return ExitCodes.Success;
    }

    private static async Task<int> RunPlainAsync(CliOutput output, FleetOptions options, IReadOnlyList<string> tryCommands, CancellationToken cancellationToken)
    {
        output.Line("Try these from another terminal:");
        foreach (var command in tryCommands)
        {
            output.Line("  " + command);
        }

        await using var log = new FleetLog(output);
        await using var fleet = await FleetStarter.StartAsync(options, device =>
        {
            log.Add(FleetLog.ReadyLine(device));
            log.Attach(device);
        }, cancellationToken);
        log.Add(FleetStarter.Summary(fleet.Devices.Count));
        await FleetStarter.WaitForStopAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
