namespace SharpAmt.Simulator.Host.SerialConsole;

public enum SerialKeyKind
{
    /// <summary>A printable ASCII character, in <see cref="SerialKey.Char"/>.</summary>
    Char,
    Enter,
    Backspace,
    Tab,
    Escape,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Delete,
    F2,
    F10,

    /// <summary>A control character: <see cref="SerialKey.Char"/> holds its letter ('C' for Ctrl-C).</summary>
    Control,
}

/// <summary>One key typed on the SOL terminal, decoded from the bytes a VT100 terminal sends.</summary>
public readonly record struct SerialKey(SerialKeyKind Kind, char Char = '\0')
{
    public static SerialKey Of(char c) => new(SerialKeyKind.Char, c);

    public static SerialKey Ctrl(char letter) => new(SerialKeyKind.Control, letter);

    public bool Is(SerialKeyKind kind) => Kind == kind;

    public bool IsChar(char c) => Kind == SerialKeyKind.Char && Char == c;

    public bool IsCtrl(char letter) => Kind == SerialKeyKind.Control && Char == letter;
}
