using System.Text.Json.Serialization.Metadata;
using SharpAmt.Cli.Infrastructure;
using Spectre.Console;

namespace SharpAmt.Cli.Output;

/// <summary>
/// All terminal output: results on stdout (Spectre tables for people, JSON with <c>--json</c>), and
/// diagnostics on stderr as single lines starting with <c>amt:</c>. Commands never write to the streams themselves.
/// </summary>
internal abstract class CliOutput
{
    private readonly Lock _lock = new();

    protected CliOutput(CliEnvironment environment)
    {
        Environment = environment;
    }

    protected CliEnvironment Environment { get; }

    public abstract bool IsJson { get; }

    public static CliOutput Create(CliEnvironment environment, bool json) =>
        json ? new JsonOutput(environment) : new SpectreOutput(environment);

    /// <summary>Writes a command's result: <paramref name="value"/> as JSON, or what <paramref name="human"/> draws.</summary>
    public abstract void Result<T>(T value, JsonTypeInfo<T> json, Action<IAnsiConsole> human);

    /// <summary>One line of plain text on stdout (XML, simulator logs), written whole even from several threads.</summary>
    public void Line(string text)
    {
        lock (_lock)
        {
            Environment.Out.WriteLine(text);
            Environment.Out.Flush();
        }
    }

    /// <summary>A notice on stderr that does not change the exit code (a new pin, a hint).</summary>
    public void Diagnostic(string message) => WriteError(message, color: null);

    /// <summary>The one line that explains why the command failed.</summary>
    public void Error(string message) => WriteError(message, color: "31");

    /// <summary>Continuation lines for <c>--verbose</c>: written as they are, after the one-line message.</summary>
    public void Detail(string text)
    {
        lock (_lock)
        {
            Environment.Error.WriteLine(text);
        }
    }

    private void WriteError(string message, string? color)
    {
        var line = "amt: " + OneLine(message);
        lock (_lock)
        {
            var colored = color is not null && Environment.ErrorIsTerminal && Environment.Variable("NO_COLOR") is null;
            Environment.Error.WriteLine(colored ? $"\u001b[{color}m{line}\u001b[0m" : line);
            Environment.Error.Flush();
        }
    }

    /// <summary>Messages from libraries sometimes span lines; the error contract is one line.</summary>
    public static string OneLine(string message)
    {
        var parts = message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }
}
