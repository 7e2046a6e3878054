using System.CommandLine;
using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>What a running command gets: its parsed command line, the process environment and the output.</summary>
internal sealed class CommandContext
{
    public CommandContext(ParseResult parse, CliEnvironment environment, CliOutput output)
    {
        Parse = parse;
        Environment = environment;
        Output = output;
    }

    public ParseResult Parse { get; }

    public CliEnvironment Environment { get; }

    public CliOutput Output { get; }

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>True when the option was typed, as opposed to taking its default.</summary>
    public bool IsGiven(Option option) => Parse.GetResult(option) is { Implicit: false };
}
