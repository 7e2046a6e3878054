using System.Text;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>What GRUB boots.</summary>
internal enum GrubChoice
{
    None,
    Linux,
    LinuxRecovery,
    MemoryTest,
}

/// <summary>
/// Debian's GRUB menu on a serial terminal: the top menu, the "Advanced options" submenu and the read-only
/// view of an entry's commands ('e'). Pure state and drawing; <see cref="GrubStage"/> does the I/O.
/// </summary>
internal sealed class GrubMenu
{
    private const int BoxWidth = 76;

    private static readonly (string Title, GrubChoice Choice)[] TopEntries =
    [
        ("Debian GNU/Linux", GrubChoice.Linux),
        ("Advanced options for Debian GNU/Linux", GrubChoice.None),
        ("Memory test (memtest86+x64.bin)", GrubChoice.MemoryTest),
    ];

    private static readonly (string Title, GrubChoice Choice)[] AdvancedEntries =
    [
        ($"Debian GNU/Linux, with Linux {SimulatedMachine.Kernel}", GrubChoice.Linux),
        ($"Debian GNU/Linux, with Linux {SimulatedMachine.Kernel} (recovery mode)", GrubChoice.LinuxRecovery),
    ];

    private bool _advanced;
    private bool _editing;
    private int _selected;

    /// <summary>The title of the entry that is highlighted (or shown, while editing).</summary>
    public string SelectedTitle => Entries[_selected].Title;

    private (string Title, GrubChoice Choice)[] Entries => _advanced ? AdvancedEntries : TopEntries;

    /// <summary>Applies a key: returns what to boot, or <see cref="GrubChoice.None"/> to redraw and wait.</summary>
    public GrubChoice Handle(SerialKey key)
    {
        if (_editing)
        {
            if (key.Is(SerialKeyKind.Escape))
            {
                _editing = false;
            }

            return key.IsCtrl('X') || key.Is(SerialKeyKind.F10) ? Entries[_selected].Choice : GrubChoice.None;
        }

        switch (key.Kind)
        {
            case SerialKeyKind.Up:
                _selected = Math.Max(0, _selected - 1);
                break;
            case SerialKeyKind.Down:
                _selected = Math.Min(Entries.Length - 1, _selected + 1);
                break;
            case SerialKeyKind.Home:
                _selected = 0;
                break;
            case SerialKeyKind.End:
                _selected = Entries.Length - 1;
                break;
            case SerialKeyKind.Escape when _advanced:
                _advanced = false;
                _selected = 1;
                break;
            case SerialKeyKind.Enter:
                return Open();
            case SerialKeyKind.Char when key.Char == 'e' && Entries[_selected].Choice is not GrubChoice.None:
                _editing = true;
                break;
        }

        return GrubChoice.None;
    }

    public GrubChoice Boot() => Entries[_selected].Choice;

    private GrubChoice Open()
    {
        if (Entries[_selected].Choice is not GrubChoice.None)
        {
            return Entries[_selected].Choice;
        }

        _advanced = true;
        _selected = 0;
        return GrubChoice.None;
    }

    public string Render(int? secondsLeft)
    {
        var screen = new StringBuilder(3072);
        screen.Append(Ansi.Clear).Append(Ansi.Crlf);
        screen.Append("                             GNU GRUB  version 2.06-13+deb12u1").Append(Ansi.Crlf).Append(Ansi.Crlf);
        screen.Append(" +").Append('-', BoxWidth).Append('+').Append(Ansi.Crlf);
        var lines = _editing ? Wrap(EditLines()) : Entries.Select(entry => entry.Title).ToList();
        for (var row = 0; row < Math.Max(12, lines.Count); row++)
        {
            var text = row < lines.Count ? lines[row] : "";
            var marked = !_editing && row == _selected;
            var cell = ((marked ? "*" : " ") + text).PadRight(BoxWidth)[..BoxWidth];
            screen.Append(" |").Append(marked ? Ansi.Reverse + cell + Ansi.Normal : cell).Append('|').Append(Ansi.Crlf);
        }

        screen.Append(" +").Append('-', BoxWidth).Append('+').Append(Ansi.Crlf).Append(Ansi.Crlf);
        if (_editing)
        {
            screen.Append("      Minimum Emacs-like screen editing is supported. TAB lists").Append(Ansi.Crlf);
            screen.Append("      completions. Press Ctrl-x or F10 to boot, Ctrl-c or F2 for").Append(Ansi.Crlf);
            screen.Append("      a command-line or ESC to discard edits and return to the GRUB menu.").Append(Ansi.Crlf);
            return screen.ToString();
        }

        screen.Append("      Use the ^ and v keys to select which entry is highlighted.").Append(Ansi.Crlf);
        screen.Append("      Press enter to boot the selected OS, `e' to edit the commands").Append(Ansi.Crlf);
        screen.Append(_advanced ? "      before booting or `c' for a command-line. ESC to return previous" : "      before booting or `c' for a command-line.").Append(Ansi.Crlf);
        screen.Append(_advanced ? "      menu." : "").Append(Ansi.Crlf);
        if (secondsLeft is { } seconds)
        {
            screen.Append(Countdown(seconds));
        }

        return screen.ToString();
    }

    /// <summary>The countdown line, redrawn in place each second.</summary>
    public static string Countdown(int seconds) =>
        Ansi.ClearLine + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   The highlighted entry will be executed automatically in {seconds}s. ");

    /// <summary>The editor shows a line too long for the box on several rows, each but the last ending in '\'.</summary>
    private static List<string> Wrap(List<string> lines)
    {
        const int room = BoxWidth - 2;
        var rows = new List<string>();
        foreach (var line in lines)
        {
            var rest = line;
            while (rest.Length > room)
            {
                rows.Add(rest[..room] + "\\");
                rest = rest[room..];
            }

            rows.Add(rest);
        }

        return rows;
    }

    private List<string> EditLines()
    {
        var choice = Entries[_selected].Choice;
        if (choice == GrubChoice.MemoryTest)
        {
            return ["setparams 'Memory test (memtest86+x64.bin)'", "", "    insmod part_gpt", "    insmod ext2", "    linux16 /boot/memtest86+x64.bin"];
        }

        var options = choice == GrubChoice.LinuxRecovery ? "ro single" : "ro";
        return
        [
            $"setparams '{Entries[_selected].Title}'",
            "",
            "    load_video",
            "    insmod gzio",
            "    insmod part_gpt",
            "    insmod ext2",
            $"    search --no-floppy --fs-uuid --set=root {SimulatedMachine.RootUuid}",
            $"    echo    'Loading Linux {SimulatedMachine.Kernel} ...'",
            $"    linux   /boot/vmlinuz-{SimulatedMachine.Kernel} root=UUID={SimulatedMachine.RootUuid} {options} console=tty0 console=ttyS1,115200n8",
            "    echo    'Loading initial ramdisk ...'",
            $"    initrd  /boot/initrd.img-{SimulatedMachine.Kernel}",
        ];
    }
}
