using Spectre.Console;

namespace SharpAmt.Cli.Output;

internal static class SpectreConsoles
{
    /// <summary>Wide enough that tables piped to a file or another program keep one row per line.</summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool noColor)
    {
        var styled = isTerminal && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = styled ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
