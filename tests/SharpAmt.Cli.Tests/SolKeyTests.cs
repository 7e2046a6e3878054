using SharpAmt.Cli.Commands.Sol;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>What the interactive console sends for a key press.</summary>
public sealed class SolKeyTests
{
    [Theory]
    [InlineData('\r', ConsoleKey.Enter, false, "0D")]
    [InlineData('a', ConsoleKey.A, false, "61")]
    [InlineData('\x03', ConsoleKey.C, true, "03")]
    [InlineData('\0', ConsoleKey.UpArrow, false, "1B5B41")]
    [InlineData('\0', ConsoleKey.F1, false, "1B4F50")]
    [InlineData('\0', ConsoleKey.Delete, false, "1B5B337E")]
    [InlineData('\n', ConsoleKey.Enter, true, "0D")]
    [InlineData('\0', ConsoleKey.D5, true, "1D")]
    [InlineData('\0', ConsoleKey.D2, true, "00")]
    [InlineData('\0', ConsoleKey.D5, false, "")]
    public void Keys_map_to_the_bytes_a_serial_console_expects(char character, ConsoleKey key, bool control, string hex)
    {
        var info = new ConsoleKeyInfo(character, key, shift: false, alt: false, control: control);

        Assert.Equal(Convert.FromHexString(hex), KeyBytes.For(info));
    }

    [Theory]
    [InlineData('\0', ConsoleKey.D5, true, true)]
    [InlineData('\x1D', ConsoleKey.Oem6, true, true)]
    [InlineData('\x1D', ConsoleKey.NoName, false, true)]
    [InlineData('5', ConsoleKey.D5, false, false)]
    [InlineData(']', ConsoleKey.Oem6, false, false)]
    public void Ctrl_right_bracket_is_the_escape_key_however_dotnet_reports_it(char character, ConsoleKey key, bool control, bool escape) =>
        Assert.Equal(escape, KeyBytes.IsEscape(new ConsoleKeyInfo(character, key, shift: false, alt: false, control: control)));
}
