using System.CommandLine.Parsing;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// Parsers for arguments that take one word from a fixed list. An unknown word is a parse error that names
/// every valid choice, so exit code 2 comes with the fix.
/// </summary>
internal static class Choices
{
    public static Func<ArgumentResult, T?> Parser<T>(string what, params (string Name, T Value)[] choices) => result =>
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"unknown {what} '{text}'; choose one of: {string.Join(", ", choices.Select(choice => choice.Name))}");
        return default;
    };

    public static IEnumerable<string> Names<T>(params (string Name, T Value)[] choices) => choices.Select(choice => choice.Name);

    /// <summary>on|off, for feature switches.</summary>
    public static Func<ArgumentResult, Toggle?> OnOff(string what) => Parser<Toggle?>(what, ("on", Toggle.On), ("off", Toggle.Off));
}
