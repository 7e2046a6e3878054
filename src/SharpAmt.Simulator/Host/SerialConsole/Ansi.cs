namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>The VT100 sequences the simulated BIOS and GRUB draw their screens with.</summary>
internal static class Ansi
{
    public const string Crlf = "\r\n";
    public const string Clear = "\e[0m\e[2J\e[H";
    public const string Reverse = "\e[7m";
    public const string Normal = "\e[0m";
    public const string ClearLine = "\r\e[K";
    public const string SetupColours = "\e[0;37;44m";
    public const string TitleColours = "\e[1;37;44m";
    public const string Ok = "[\e[0;32m  OK  \e[0m]";

    public static string MoveTo(int row, int column) => $"\e[{row};{column}H";
}
