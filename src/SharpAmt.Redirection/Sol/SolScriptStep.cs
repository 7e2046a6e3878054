using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharpAmt.Redirection.Sol;

/// <summary>One step of a SOL script: text to type, or a pattern to wait for in the console output.</summary>
public abstract record SolScriptStep
{
    /// <summary>Text with C-style escapes (\r \n \t \e \\ \xHH), sent as UTF-8.</summary>
    public static SolScriptStep Send(string text) => new SendStep(Unescape(text));

    public static SolScriptStep Expect(string pattern) => new ExpectStep(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Turns \r, \n, \t, \e, \0, \\ and \xHH into their bytes; any other backslash stays as written.</summary>
    public static byte[] Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            var next = text[i + 1];
            byte? escaped = next switch
            {
                'r' => (byte)'\r',
                'n' => (byte)'\n',
                't' => (byte)'\t',
                'e' => 0x1B,
                '0' => 0,
                '\\' => (byte)'\\',
                'x' when i + 3 < text.Length && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) => value,
                _ => null,
            };
            if (escaped is null)
            {
                bytes.Add((byte)'\\');
                continue;
            }

            bytes.Add(escaped.Value);
            i += next == 'x' ? 3 : 1;
        }

        return bytes.ToArray();
    }
}

public sealed record SendStep(byte[] Data) : SolScriptStep;

public sealed record ExpectStep(Regex Pattern) : SolScriptStep;
