using System.Text;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>The real process: console streams, environment variables and a no-echo password prompt.</summary>
internal static class ProcessEnvironment
{
    public static CliEnvironment Create()
    {
        var output = Console.Out;
        var error = Console.Error;
        return new CliEnvironment(output, error, Environment.GetEnvironmentVariable)
        {
            In = Console.In,
            InputIsTerminal = !Console.IsInputRedirected,
            OutputIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            ReadSecret = ReadWithoutEcho,
        };
    }

    private static string? ReadWithoutEcho(string prompt, CancellationToken cancellationToken)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        cancellationToken.ThrowIfCancellationRequested();
        return typed.ToString();
    }
}
