using System.CommandLine;
using System.CommandLine.Parsing;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;

namespace SharpAmt.Cli;

/// <summary>
/// The entry point shared by <see cref="Program"/> and the tests: parse, report usage errors with exit 2,
/// let System.CommandLine print help and version, and otherwise run the chosen command.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var parse = AmtRootCommand.Instance.Parse(args);
        var verbose = parse.GetValue(CommonOptions.Verbose);
        var output = CliOutput.Create(environment, parse.GetValue(CommonOptions.Json));
        if (parse.Errors.Count > 0)
        {
            output.Error(UsageMessage(parse));
            return ExitCodes.UsageError;
        }

        var ownAction = parse.CommandResult.Command.Action;
        if (parse.Action is not null && !ReferenceEquals(parse.Action, ownAction) || parse.CommandResult.Command is not AmtCommand command)
        {
            // --help, --version and the like belong to System.CommandLine.
            var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }

        try
        {
            return await command.ExecuteAsync(new CommandContext(parse, environment, output), cancellationToken);
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(exception, output, verbose, cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>The first error (a refused password above all), and where to read about the command.</summary>
    private static string UsageMessage(ParseResult parse)
    {
        var path = CommandPath(parse.CommandResult);
        var group = parse.CommandResult.Command;
        var error = parse.GetResult(CommonOptions.Password) is not null ? CommonOptions.PasswordRefusal
            : parse.UnmatchedTokens.Count > 0 ? $"unrecognized command or argument '{parse.UnmatchedTokens[0]}'"
            : MissingArgument(parse) is { } missing ? $"{path} needs {missing}"
            : group is not AmtCommand && group.Subcommands.Count > 0 ? $"{path} needs a command: {string.Join(", ", group.Subcommands.Where(command => !command.Hidden).Select(command => command.Name))}"
            : parse.Errors[0].Message;
        return $"{CliOutput.OneLine(error)} (see: {path} --help)";
    }

    /// <summary>The first required argument left out, named as in the usage line (HOST, CLASS…).</summary>
    private static string? MissingArgument(ParseResult parse)
    {
        for (SymbolResult? current = parse.CommandResult; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                var missing = command.Command.Arguments.FirstOrDefault(argument =>
                    argument.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(argument)?.Tokens.Count ?? 0) == 0);
                if (missing is not null)
                {
                    return missing.Name;
                }
            }
        }

        return null;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: not RootCommand } command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        names.Insert(0, "amt");
        return string.Join(' ', names);
    }
}
