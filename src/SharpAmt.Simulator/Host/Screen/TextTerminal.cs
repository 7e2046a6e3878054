namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// The VT100 subset the simulated firmware and console write, kept as an 80 × 25 grid of <see cref="TextCell"/>s:
/// CR, LF, BS and TAB; CSI cursor position and moves (H, f, A–D), erase in display and line (J, K) and SGR colours
/// (bold as bright, reverse, 30–37, 39, 40–47, 49, 90–97, 100–107). Writing past the last column wraps; a line
/// feed on the last row scrolls. Unknown sequences are swallowed, as a terminal ignores them. Not thread-safe:
/// the screen serialises access.
/// </summary>
internal sealed class TextTerminal
{
    public const int Columns = 80;
    public const int Rows = 25;

    /// <summary>Longest parameter list kept from one CSI sequence; more parameters are ignored.</summary>
    private const int MaxParameters = 16;

    private const byte DefaultForeground = VgaPalette.LightGray;
    private const byte DefaultBackground = VgaPalette.Black;

    private readonly int[] _parameters = new int[MaxParameters];
    private ushort[]? _cells;
    private ParserState _state;
    private int _parameterCount;
    private bool _wrapPending;
    private byte _foreground = DefaultForeground;
    private byte _background = DefaultBackground;
    private bool _bold;
    private bool _reverse;

    private enum ParserState
    {
        Text,
        Escape,
        Charset,
        Csi,
    }

    public int CursorRow { get; private set; }

    public int CursorColumn { get; private set; }

    /// <summary>The cell at a position; a blank screen until something is written.</summary>
    public ushort this[int row, int column] => _cells?[row * Columns + column] ?? Blank(DefaultBackground);

    /// <summary>Back to a blank screen with default colours and the cursor home, as at power-on.</summary>
    public void Reset()
    {
        _cells = null;
        _state = ParserState.Text;
        _wrapPending = false;
        CursorRow = 0;
        CursorColumn = 0;
        ResetAttributes();
    }

    /// <summary>Interprets <paramref name="text"/>; returns whether any cell or the cursor changed.</summary>
    public bool Write(ReadOnlySpan<char> text)
    {
        var before = (CursorRow, CursorColumn);
        var drew = false;
        foreach (var c in text)
        {
            drew |= Feed(c);
        }

        return drew || before != (CursorRow, CursorColumn);
    }

    /// <summary>The text of one row, trailing blanks trimmed.</summary>
    public string RowText(int row)
    {
        var chars = new char[Columns];
        for (var column = 0; column < Columns; column++)
        {
            chars[column] = TextCell.Char(this[row, column]);
        }

        return new string(chars).TrimEnd();
    }

    private bool Feed(char c)
    {
        switch (_state)
        {
            case ParserState.Escape:
                _state = c switch
                {
                    '[' => ParserState.Csi,
                    '(' or ')' => ParserState.Charset,
                    _ => ParserState.Text,
                };
                _parameterCount = 0;
                _parameters[0] = 0;
                return false;
            case ParserState.Charset:
                // ESC ( B and friends pick a character set; there is only ASCII here.
                _state = ParserState.Text;
                return false;
            case ParserState.Csi:
                return FeedCsi(c);
        }

        switch (c)
        {
            case '\e':
                _state = ParserState.Escape;
                return false;
            case '\r':
                CursorColumn = 0;
                _wrapPending = false;
                return false;
            case '\n':
                LineFeed();
                return true;
            case '\b':
                CursorColumn = Math.Max(0, CursorColumn - 1);
                _wrapPending = false;
                return false;
            case '\t':
                CursorColumn = Math.Min(Columns - 1, (CursorColumn / 8 + 1) * 8);
                return false;
            case < ' ' or '\x7F':
                return false;
            default:
                Put(c);
                return true;
        }
    }

    private bool FeedCsi(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            _parameterCount = Math.Max(_parameterCount, 1);
            var index = _parameterCount - 1;
            _parameters[index] = Math.Min(_parameters[index] * 10 + (c - '0'), 9999);
            return false;
        }

        if (c == ';')
        {
            _parameterCount = Math.Min(Math.Max(_parameterCount, 1) + 1, MaxParameters);
            _parameters[_parameterCount - 1] = 0;
            return false;
        }

        if (c is '?' or '>' or '=')
        {
            // Private-mode markers (cursor visibility and the like): the sequence is read and ignored.
            return false;
        }

        _state = ParserState.Text;
        _wrapPending = false;
        switch (c)
        {
            case 'H' or 'f':
                CursorRow = Math.Clamp(Parameter(0, 1) - 1, 0, Rows - 1);
                CursorColumn = Math.Clamp(Parameter(1, 1) - 1, 0, Columns - 1);
                return false;
            case 'A':
                CursorRow = Math.Max(0, CursorRow - Parameter(0, 1));
                return false;
            case 'B':
                CursorRow = Math.Min(Rows - 1, CursorRow + Parameter(0, 1));
                return false;
            case 'C':
                CursorColumn = Math.Min(Columns - 1, CursorColumn + Parameter(0, 1));
                return false;
            case 'D':
                CursorColumn = Math.Max(0, CursorColumn - Parameter(0, 1));
                return false;
            case 'J':
                EraseDisplay(Parameter(0, 0));
                return true;
            case 'K':
                EraseLine(Parameter(0, 0));
                return true;
            case 'm':
                SelectGraphicRendition();
                return false;
            default:
                return false;
        }
    }

    /// <summary>Parameter <paramref name="index"/>, or <paramref name="fallback"/> when absent or zero where zero means the default.</summary>
    private int Parameter(int index, int fallback) =>
        index < _parameterCount && (_parameters[index] != 0 || fallback == 0) ? _parameters[index] : fallback;

    private void SelectGraphicRendition()
    {
        if (_parameterCount == 0)
        {
            ResetAttributes();
            return;
        }

        for (var i = 0; i < _parameterCount; i++)
        {
            var code = _parameters[i];
            switch (code)
            {
                case 0:
                    ResetAttributes();
                    break;
                case 1:
                    _bold = true;
                    break;
                case 22:
                    _bold = false;
                    break;
                case 7:
                    _reverse = true;
                    break;
                case 27:
                    _reverse = false;
                    break;
                case >= 30 and <= 37:
                    _foreground = (byte)(code - 30);
                    break;
                case 39:
                    _foreground = DefaultForeground;
                    break;
                case >= 40 and <= 47:
                    _background = (byte)(code - 40);
                    break;
                case 49:
                    _background = DefaultBackground;
                    break;
                case >= 90 and <= 97:
                    _foreground = (byte)(code - 90 + 8);
                    break;
                case >= 100 and <= 107:
                    _background = (byte)(code - 100 + 8);
                    break;
            }
        }
    }

    private void ResetAttributes()
    {
        _foreground = DefaultForeground;
        _background = DefaultBackground;
        _bold = false;
        _reverse = false;
    }

    /// <summary>The colours a character written now gets: bold brightens the foreground, reverse swaps the two.</summary>
    private (byte Foreground, byte Background) Colours()
    {
        var foreground = (byte)(_bold ? _foreground | 8 : _foreground);
        return _reverse ? (_background, foreground) : (foreground, _background);
    }

    private void Put(char c)
    {
        if (_wrapPending)
        {
            CursorColumn = 0;
            LineFeed();
            _wrapPending = false;
        }

        var (foreground, background) = Colours();
        Cells()[CursorRow * Columns + CursorColumn] = TextCell.Pack(c, foreground, background);
        if (CursorColumn == Columns - 1)
        {
            _wrapPending = true;
        }
        else
        {
            CursorColumn++;
        }
    }

    private void LineFeed()
    {
        _wrapPending = false;
        if (CursorRow < Rows - 1)
        {
            CursorRow++;
            return;
        }

        var cells = Cells();
        cells.AsSpan(Columns).CopyTo(cells);
        cells.AsSpan((Rows - 1) * Columns).Fill(Blank(Colours().Background));
    }

    private void EraseDisplay(int mode)
    {
        var at = CursorRow * Columns + CursorColumn;
        var cells = Cells();
        var blank = Blank(Colours().Background);
        switch (mode)
        {
            case 0:
                cells.AsSpan(at).Fill(blank);
                break;
            case 1:
                cells.AsSpan(0, at + 1).Fill(blank);
                break;
            default:
                cells.AsSpan().Fill(blank);
                break;
        }
    }

    private void EraseLine(int mode)
    {
        var line = Cells().AsSpan(CursorRow * Columns, Columns);
        var blank = Blank(Colours().Background);
        switch (mode)
        {
            case 0:
                line[CursorColumn..].Fill(blank);
                break;
            case 1:
                line[..(CursorColumn + 1)].Fill(blank);
                break;
            default:
                line.Fill(blank);
                break;
        }
    }

    private ushort[] Cells()
    {
        if (_cells is null)
        {
            _cells = new ushort[Columns * Rows];
            _cells.AsSpan().Fill(Blank(DefaultBackground));
        }

        return _cells;
    }

    private static ushort Blank(byte background) => TextCell.Pack(' ', DefaultForeground, background);
}
