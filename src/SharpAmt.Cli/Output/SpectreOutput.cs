using System.Text.Json.Serialization.Metadata;
using SharpAmt.Cli.Infrastructure;
using Spectre.Console;

namespace SharpAmt.Cli.Output;

/// <summary>Results for people: Spectre renderables on stdout, colour only on a terminal.</summary>
internal sealed class SpectreOutput : CliOutput
{
    private IAnsiConsole? _console;

    public SpectreOutput(CliEnvironment environment)
        : base(environment)
    {
    }

    public override bool IsJson => false;

    /// <summary>Created on first use: commands that fail before printing never pay for Spectre's set-up.</summary>
    public IAnsiConsole Console => _console ??= SpectreConsoles.Create(Environment.Out, Environment.OutputIsTerminal, Environment.Variable("NO_COLOR") is not null);

    public override void Result<T>(T value, JsonTypeInfo<T> json, Action<IAnsiConsole> human)
    {
        human(Console);
        Environment.Out.Flush();
    }
}
