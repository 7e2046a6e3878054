using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class TextTerminalTests
{
    private static TextTerminal Written(string text)
    {
        var terminal = new TextTerminal();
        terminal.Write(text);
        return terminal;
    }

    [Fact]
    public void CursorPositionIsOneBasedRowThenColumn()
    {
        var terminal = Written("\e[3;5HX\e[HY");

        Assert.Equal('X', TextCell.Char(terminal[2, 4]));
        Assert.Equal('Y', TextCell.Char(terminal[0, 0]));
        Assert.Equal((0, 1), (terminal.CursorRow, terminal.CursorColumn));
    }

    [Fact]
    public void RelativeMovesStopAtTheEdges()
    {
        var terminal = Written("\e[10;10H\e[3A\e[2C\e[99D\e[99B");

        Assert.Equal((TextTerminal.Rows - 1, 0), (terminal.CursorRow, terminal.CursorColumn));
    }

    [Fact]
    public void CarriageReturnLineFeedBackspaceAndTabMoveTheCursor()
    {
        var terminal = Written("abc\rX\nY\b\bZ\tT");

        Assert.Equal("Xbc", terminal.RowText(0));
        // A line feed keeps the column, as on a VT100; the console sends CR LF.
        Assert.Equal("ZY      T", terminal.RowText(1));
    }

    [Fact]
    public void EraseDisplayAndLineClearWhatTheyName()
    {
        var terminal = Written("line one\r\nline two\r\nline three\e[2;5H\e[K");
        Assert.Equal("line", terminal.RowText(1));
        Assert.Equal("line three", terminal.RowText(2));

        terminal.Write("\e[1K");
        Assert.Equal("", terminal.RowText(1));
        terminal.Write("\e[J");
        Assert.Equal("", terminal.RowText(2));
        Assert.Equal("line one", terminal.RowText(0));
        terminal.Write("\e[2J");
        Assert.Equal("", terminal.RowText(0));
    }

    [Fact]
    public void SgrSetsColoursBoldBrightensAndReverseSwaps()
    {
        var terminal = Written("\e[0;37;44mA\e[1mB\e[0m\e[7mC\e[0;32mD\e[0mE\e[93;101mF");

        Assert.Equal((VgaPalette.LightGray, VgaPalette.Blue), Colours(terminal[0, 0]));
        Assert.Equal((VgaPalette.White, VgaPalette.Blue), Colours(terminal[0, 1]));
        Assert.Equal((VgaPalette.Black, VgaPalette.LightGray), Colours(terminal[0, 2]));
        Assert.Equal((2, VgaPalette.Black), Colours(terminal[0, 3]));
        Assert.Equal((VgaPalette.LightGray, VgaPalette.Black), Colours(terminal[0, 4]));
        Assert.Equal((11, 9), Colours(terminal[0, 5]));
    }

    [Fact]
    public void ErasingUsesTheCurrentBackground()
    {
        var terminal = Written("\e[44m\e[2J");

        Assert.Equal(VgaPalette.Blue, TextCell.Background(terminal[24, 79]));
    }

    [Fact]
    public void ALineFeedOnTheLastRowScrollsUp()
    {
        var terminal = new TextTerminal();
        for (var line = 0; line < TextTerminal.Rows + 2; line++)
        {
            terminal.Write($"line {line}\r\n");
        }

        Assert.Equal("line 3", terminal.RowText(0));
        Assert.Equal("line 26", terminal.RowText(TextTerminal.Rows - 2));
        Assert.Equal("", terminal.RowText(TextTerminal.Rows - 1));
    }

    [Fact]
    public void WritingPastTheLastColumnWrapsToTheNextLine()
    {
        var terminal = Written(new string('a', TextTerminal.Columns) + "b");

        Assert.Equal(new string('a', TextTerminal.Columns), terminal.RowText(0));
        Assert.Equal("b", terminal.RowText(1));
    }

    [Fact]
    public void ExactlyAFullLineThenCrLfLeavesNoBlankLine()
    {
        var terminal = Written(new string('-', TextTerminal.Columns) + "\r\nnext");

        Assert.Equal("next", terminal.RowText(1));
    }

    [Fact]
    public void UnknownSequencesAndNonAsciiAreHarmless()
    {
        var terminal = Written("\e[?25l\e[5n\e(Bok\u00e9");

        Assert.Equal("ok?", terminal.RowText(0)[..3]);
    }

    private static (int, int) Colours(ushort cell) => (TextCell.Foreground(cell), TextCell.Background(cell));
}
