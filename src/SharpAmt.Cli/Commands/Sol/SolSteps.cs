using System.CommandLine;
using System.CommandLine.Parsing;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Sol;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// The --send and --expect steps in the order they were typed. System.CommandLine keeps each option's values
/// apart, so the order comes from the token list.
/// </summary>
internal static class SolSteps
{
    public static List<SolScriptStep> FromCommandLine(ParseResult parse, Option<string[]> send, Option<string[]> expect)
    {
        var steps = new List<SolScriptStep>();
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var name = tokens[i].Value;
            var value = tokens[i + 1].Value;
            if (send.Name == name || send.Aliases.Contains(name))
            {
                steps.Add(SolScriptStep.Send(value));
                i++;
            }
            else if (expect.Name == name || expect.Aliases.Contains(name))
            {
                steps.Add(Expectation(value));
                i++;
            }
        }

        return steps;
    }

    private static SolScriptStep Expectation(string pattern)
    {
        try
        {
            return SolScriptStep.Expect(pattern);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"--expect '{pattern}' is not a valid regular expression: {exception.Message}", exception);
        }
    }
}
