using System.Runtime.InteropServices;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops the command cleanly; a second one ends the process at once.
            e.Cancel = !stopping.IsCancellationRequested;
            stopping.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });

        return await CliApp.RunAsync(args, ProcessEnvironment.Create(), stopping.Token);
    }
}
