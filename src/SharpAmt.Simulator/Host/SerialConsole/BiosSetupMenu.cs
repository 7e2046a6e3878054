using System.Globalization;
using System.Text;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>What a key did in BIOS setup.</summary>
internal enum SetupOutcome
{
    Redraw,
    ExitSaving,
    ExitDiscarding,
    ResetSaving,
    ResetDiscarding,
}

/// <summary>
/// The Aptio-style setup utility: tabs Main, Boot and Save &amp; Exit; Left/Right switch tabs, Up/Down pick an
/// item, Enter opens it (a choice list for a boot option, an action on Save &amp; Exit), Esc closes a choice
/// list or leaves setup without saving. Pure state and drawing; the stage does the I/O.
/// </summary>
internal sealed class BiosSetupMenu
{
    private const int Width = 80;
    private static readonly string[] Tabs = ["Main", "Boot", "Save & Exit"];
    private static readonly string[] ExitItems = ["Save Changes and Exit", "Discard Changes and Exit", "Save Changes and Reset", "Discard Changes and Reset", "Restore Defaults"];

    private readonly BootDevice[] _order;
    private readonly HostFacts _facts;
    private readonly int[] _selected = new int[Tabs.Length];
    private int _tab;
    private int? _popup;
    private string _message = "";

    public BiosSetupMenu(IReadOnlyList<BootDevice> bootOrder, HostFacts facts)
    {
        _order = [.. bootOrder];
        _facts = facts;
    }

    /// <summary>The boot order as edited; saved only by a "Save Changes" item.</summary>
    public IReadOnlyList<BootDevice> BootOrder => _order;

    public SetupOutcome Handle(SerialKey key)
    {
        _message = "";
        return _popup is { } choice ? HandlePopup(key, choice) : HandleTab(key);
    }

    private SetupOutcome HandleTab(SerialKey key)
    {
        var count = ItemCount(_tab);
        switch (key.Kind)
        {
            case SerialKeyKind.Left:
                _tab = (_tab + Tabs.Length - 1) % Tabs.Length;
                break;
            case SerialKeyKind.Right:
                _tab = (_tab + 1) % Tabs.Length;
                break;
            case SerialKeyKind.Up:
                _selected[_tab] = (_selected[_tab] + count - 1) % count;
                break;
            case SerialKeyKind.Down:
                _selected[_tab] = (_selected[_tab] + 1) % count;
                break;
            case SerialKeyKind.Escape:
                return SetupOutcome.ExitDiscarding;
            case SerialKeyKind.F10:
                return SetupOutcome.ExitSaving;
            case SerialKeyKind.Enter:
                return Open();
        }

        return SetupOutcome.Redraw;
    }

    private SetupOutcome Open()
    {
        var item = _selected[_tab];
        switch (Tabs[_tab])
        {
            case "Main":
                _message = item == 0 ? "System Date follows the real-time clock, which the OS keeps in UTC." : "System Time follows the real-time clock, which the OS keeps in UTC.";
                return SetupOutcome.Redraw;
            case "Boot":
                _popup = Array.IndexOf(BiosSettings.DefaultBootOrder.ToArray(), _order[item]);
                return SetupOutcome.Redraw;
            default:
                switch (item)
                {
                    case 0:
                        return SetupOutcome.ExitSaving;
                    case 1:
                        return SetupOutcome.ExitDiscarding;
                    case 2:
                        return SetupOutcome.ResetSaving;
                    case 3:
                        return SetupOutcome.ResetDiscarding;
                    default:
                        BiosSettings.DefaultBootOrder.ToArray().CopyTo(_order, 0);
                        _message = "Optimized defaults loaded.";
                        return SetupOutcome.Redraw;
                }
        }
    }

    /// <summary>A choice list for one boot option; choosing a device swaps it with the option that had it.</summary>
    private SetupOutcome HandlePopup(SerialKey key, int choice)
    {
        var devices = BiosSettings.DefaultBootOrder;
        switch (key.Kind)
        {
            case SerialKeyKind.Up:
                _popup = (choice + devices.Count - 1) % devices.Count;
                break;
            case SerialKeyKind.Down:
                _popup = (choice + 1) % devices.Count;
                break;
            case SerialKeyKind.Escape:
                _popup = null;
                break;
            case SerialKeyKind.Enter:
                var slot = _selected[_tab];
                var other = Array.IndexOf(_order, devices[choice]);
                (_order[slot], _order[other]) = (_order[other], _order[slot]);
                _popup = null;
                break;
        }

        return SetupOutcome.Redraw;
    }

    private static int ItemCount(int tab) => Tabs[tab] switch
    {
        "Main" => 2,
        "Boot" => BiosSettings.DefaultBootOrder.Count,
        _ => ExitItems.Length,
    };

    public string Render(DateTimeOffset now)
    {
        var screen = new StringBuilder(4096);
        screen.Append(Ansi.Clear);
        screen.Append(Ansi.TitleColours).Append(Center("Aptio Setup Utility - Copyright (C) 2024 American Megatrends, Inc.")).Append(Ansi.Crlf);
        screen.Append(Ansi.SetupColours);
        var tabs = new StringBuilder(" ");
        for (var i = 0; i < Tabs.Length; i++)
        {
            tabs.Append(i == _tab ? $"{Ansi.Reverse} {Tabs[i]} {Ansi.SetupColours}" : $" {Tabs[i]} ").Append(' ');
        }

        screen.Append(tabs).Append("\e[K").Append(Ansi.Normal).Append(Ansi.Crlf);
        screen.Append('-', Width).Append(Ansi.Crlf);
        var lines = Tabs[_tab] switch
        {
            "Main" => MainPage(now),
            "Boot" => BootPage(),
            _ => ExitPage(),
        };
        foreach (var line in lines)
        {
            screen.Append(line).Append(Ansi.Crlf);
        }

        screen.Append(Ansi.MoveTo(20, 1)).Append('-', Width).Append(Ansi.Crlf);
        screen.Append(' ').Append(_message).Append(Ansi.Crlf);
        screen.Append(" <>: Select Screen  ^v: Select Item  Enter: Select  F10: Save & Exit  ESC: Exit").Append(Ansi.Crlf);
        screen.Append(Ansi.SetupColours).Append(Center("Version 2.22.1287 Copyright (C) 2024 American Megatrends, Inc.")).Append(Ansi.Normal);
        return screen.ToString();
    }

    private List<string> MainPage(DateTimeOffset now) =>
    [
        Info("BIOS Vendor", "American Megatrends"),
        Info("Project Version", SimulatedMachine.BiosVersion),
        Info("Build Date and Time", SimulatedMachine.BiosDate),
        Info("Total Memory", $"{SimulatedMachine.MemoryMegabytes} MB"),
        Info("ME Firmware Version", _facts.AmtVersion),
        "",
        Item(0, "System Date", now.ToString("[ddd MM/dd/yyyy]", CultureInfo.InvariantCulture)),
        Item(1, "System Time", now.ToString("[HH:mm:ss]", CultureInfo.InvariantCulture)),
        "",
        Info("Access Level", "Administrator"),
    ];

    private List<string> BootPage()
    {
        var lines = new List<string> { Info("Bootup NumLock State", "[On]"), Info("Quiet Boot", "[Disabled]"), "", "  Boot Option Priorities" };
        for (var i = 0; i < _order.Length; i++)
        {
            lines.Add(Item(i, string.Create(CultureInfo.InvariantCulture, $"Boot Option #{i + 1}"), $"[{BiosSettings.Label(_order[i])}]"));
        }

        if (_popup is { } choice)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $" Boot Option #{_selected[_tab] + 1} ");
            lines.Add("");
            lines.Add($"          +{title.PadRight(44, '-')}+");
            var devices = BiosSettings.DefaultBootOrder;
            for (var i = 0; i < devices.Count; i++)
            {
                var label = $" {BiosSettings.Label(devices[i])}".PadRight(44);
                lines.Add(i == choice ? $"          |{Ansi.Reverse}{label}{Ansi.Normal}|" : $"          |{label}|");
            }

            lines.Add($"          +{new string('-', 44)}+");
        }

        return lines;
    }

    private List<string> ExitPage() => [.. ExitItems.Select((label, i) => Item(i, label, ""))];

    private static string Info(string label, string value) => $"  {label,-28}{value}";

    private string Item(int index, string label, string value)
    {
        var text = $"{label,-26}{value}";
        return index == _selected[_tab] && _popup is null ? $"  {Ansi.Reverse}{text}{Ansi.Normal}" : $"  {text}";
    }

    private static string Center(string text) => text.PadLeft((Width + text.Length) / 2).PadRight(Width);
}
