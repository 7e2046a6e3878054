using System.Xml;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>A <c>NAME=VALUE</c> word: a property to set, a method argument, or a selector.</summary>
internal sealed record Assignment(string Name, string Value)
{
    /// <summary>The word split at its first '='; null with <paramref name="error"/> set when it is not an assignment.</summary>
    public static Assignment? TryParse(string text, out string? error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"'{text}' is not NAME=VALUE";
            return null;
        }

        var name = text[..equals];
        if (!IsName(name))
        {
            error = $"'{name}' is not a valid property name";
            return null;
        }

        error = null;
        return new Assignment(name, text[(equals + 1)..]);
    }

    /// <summary>Whether <paramref name="name"/> can be an XML element name; checking early keeps a typo from reaching the device.</summary>
    public static bool IsName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    public static IReadOnlyList<Assignment> ParseAll(IEnumerable<string>? words) =>
        (words ?? []).Select(word => TryParse(word, out _)!).ToArray();
}
