using System.Text;
using SharpAmt.Simulator.Host.SerialConsole;
using Xunit;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class SerialKeyDecoderTests
{
    [Theory]
    [InlineData("\e[A", SerialKeyKind.Up)]
    [InlineData("\e[B", SerialKeyKind.Down)]
    [InlineData("\e[C", SerialKeyKind.Right)]
    [InlineData("\e[D", SerialKeyKind.Left)]
    [InlineData("\eOA", SerialKeyKind.Up)]
    [InlineData("\e", SerialKeyKind.Escape)]
    [InlineData("\eOQ", SerialKeyKind.F2)]
    [InlineData("\e[12~", SerialKeyKind.F2)]
    [InlineData("\e2", SerialKeyKind.F2)]
    [InlineData("\e[21~", SerialKeyKind.F10)]
    [InlineData("\e[3~", SerialKeyKind.Delete)]
    [InlineData("\r", SerialKeyKind.Enter)]
    [InlineData("\n", SerialKeyKind.Enter)]
    [InlineData("\r\n", SerialKeyKind.Enter)]
    [InlineData("\x7f", SerialKeyKind.Backspace)]
    [InlineData("\b", SerialKeyKind.Backspace)]
    public void OneKey(string bytes, SerialKeyKind kind)
    {
        Assert.Equal([new SerialKey(kind)], new SerialKeyDecoder().Decode(Encoding.ASCII.GetBytes(bytes)));
    }

    [Fact]
    public void CrAndLfInSeparateChunksAreOneEnter()
    {
        var decoder = new SerialKeyDecoder();
        Assert.Equal([new SerialKey(SerialKeyKind.Enter)], decoder.Decode("\r"u8));
        Assert.Empty(decoder.Decode("\n"u8));
        Assert.Equal([new SerialKey(SerialKeyKind.Enter)], decoder.Decode("\n"u8));
    }

    [Fact]
    public void TextControlsAndSequencesMix()
    {
        Assert.Equal(
            [SerialKey.Of('l'), SerialKey.Of('s'), new SerialKey(SerialKeyKind.Up), SerialKey.Ctrl('C'), new SerialKey(SerialKeyKind.Escape), new SerialKey(SerialKeyKind.Escape)],
            new SerialKeyDecoder().Decode("ls\e[A\x03\e\e"u8));
    }
}
