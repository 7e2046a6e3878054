using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class KeysymKeyboardTests
{
    [Theory]
    [InlineData(0xFF0Du, SerialKeyKind.Enter)]
    [InlineData(0xFF8Du, SerialKeyKind.Enter)]
    [InlineData(0xFF08u, SerialKeyKind.Backspace)]
    [InlineData(0xFF09u, SerialKeyKind.Tab)]
    [InlineData(0xFF1Bu, SerialKeyKind.Escape)]
    [InlineData(0xFF51u, SerialKeyKind.Left)]
    [InlineData(0xFF52u, SerialKeyKind.Up)]
    [InlineData(0xFF53u, SerialKeyKind.Right)]
    [InlineData(0xFF54u, SerialKeyKind.Down)]
    [InlineData(0xFF50u, SerialKeyKind.Home)]
    [InlineData(0xFF57u, SerialKeyKind.End)]
    [InlineData(0xFFFFu, SerialKeyKind.Delete)]
    [InlineData(0xFFBFu, SerialKeyKind.F2)]
    [InlineData(0xFFC7u, SerialKeyKind.F10)]
    public void MiscellanyKeysymsBecomeConsoleKeys(uint keysym, SerialKeyKind kind)
    {
        var action = new KeysymKeyboard().Translate(keysym, down: true);

        Assert.Equal(new KeyboardAction(KeyboardActionKind.Key, new SerialKey(kind)), action);
    }

    [Fact]
    public void PrintableLatin1IsTypedAsItIsAndReleasesDoNothing()
    {
        var keyboard = new KeysymKeyboard();

        Assert.Equal(SerialKey.Of('A'), keyboard.Translate('A', down: true)!.Value.Key);
        Assert.Equal(SerialKey.Of('\u00e9'), keyboard.Translate(0xE9, down: true)!.Value.Key);
        Assert.Null(keyboard.Translate('A', down: false));
        Assert.Null(keyboard.Translate(0xFFE1, down: true));
    }

    [Fact]
    public void CtrlWithALetterIsAControlCharacterUntilCtrlIsReleased()
    {
        var keyboard = new KeysymKeyboard();

        keyboard.Translate(0xFFE4, down: true);
        Assert.Equal(SerialKey.Ctrl('C'), keyboard.Translate('c', down: true)!.Value.Key);
        keyboard.Translate(0xFFE4, down: false);
        Assert.Equal(SerialKey.Of('c'), keyboard.Translate('c', down: true)!.Value.Key);
    }

    [Fact]
    public void CtrlAltChordsSwitchTerminalsOrRestart()
    {
        var keyboard = new KeysymKeyboard();
        keyboard.Translate(0xFFE3, down: true);
        keyboard.Translate(0xFFE9, down: true);

        Assert.Equal(new KeyboardAction(KeyboardActionKind.SwitchTerminal, Terminal: 2), keyboard.Translate(0xFFBF, down: true));
        Assert.Equal(KeyboardActionKind.Restart, keyboard.Translate(0xFFFF, down: true)!.Value.Kind);
    }

    [Fact]
    public void UnmappedKeysymsAreIgnored()
    {
        Assert.Null(new KeysymKeyboard().Translate(0x17170056, down: true));
    }
}
