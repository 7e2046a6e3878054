using System.Text;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// Reads a line the way a Linux tty in canonical mode does on a serial line: typed characters are echoed
/// (unless a password), Backspace erases with "\b \b", Ctrl-U erases the line, Ctrl-C abandons it, Enter
/// echoes CR LF. Null means end of input: Ctrl-D on an empty line.
/// </summary>
internal static class LineEditor
{
    /// <summary>The longest line kept; further characters are refused, as a full tty buffer refuses them.</summary>
    public const int MaxLength = 255;

    /// <summary>A bound on keys read for one line; the line ends there.</summary>
    private const int MaxKeys = 10_000;

    public static async Task<string?> ReadLineAsync(ConsoleRun run, bool echo = true)
    {
        var line = new StringBuilder();
        for (var i = 0; i < MaxKeys; i++)
        {
            var key = await run.ReadKeyAsync().ConfigureAwait(false);
            switch (key.Kind)
            {
                case SerialKeyKind.Enter:
                    await run.WriteAsync(Ansi.Crlf).ConfigureAwait(false);
                    return line.ToString();
                case SerialKeyKind.Char when line.Length < MaxLength:
                    line.Append(key.Char);
                    if (echo)
                    {
                        await run.WriteAsync(key.Char.ToString()).ConfigureAwait(false);
                    }

                    break;
                case SerialKeyKind.Backspace when line.Length > 0:
                    line.Length--;
                    if (echo)
                    {
                        await run.WriteAsync("\b \b").ConfigureAwait(false);
                    }

                    break;
                case SerialKeyKind.Control when key.Char == 'U':
                    if (echo)
                    {
                        await run.WriteAsync(string.Concat(Enumerable.Repeat("\b \b", line.Length))).ConfigureAwait(false);
                    }

                    line.Clear();
                    break;
                case SerialKeyKind.Control when key.Char == 'C':
                    await run.WriteAsync("^C" + Ansi.Crlf).ConfigureAwait(false);
                    return "";
                case SerialKeyKind.Control when key.Char == 'D' && line.Length == 0:
                    return null;
            }
        }

        return line.ToString();
    }
}
