namespace SharpAmt.Cli.Configuration;

/// <summary>Shell-style matching of host names: <c>*</c> any run of characters, <c>?</c> one character, case-insensitive.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => Matches(pattern.AsSpan(), text.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative matching with one backtrack point: linear in practice, and no recursion on hostile input.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
