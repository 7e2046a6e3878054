using System.CommandLine;
using System.CommandLine.Parsing;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// Reading other symbols' values inside a validator. A value whose own parser already reported an error
/// throws when read; the validator then has nothing to add, since that error is reported anyway.
/// </summary>
internal static class ParsedValues
{
    public static bool TryGet<T>(this CommandResult result, Argument<T> argument, out T? value) =>
        TryRead(() => result.GetValue(argument), out value);

    public static bool TryGet<T>(this CommandResult result, Option<T> option, out T? value) =>
        TryRead(() => result.GetValue(option), out value);

    private static bool TryRead<T>(Func<T?> read, out T? value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }
}
