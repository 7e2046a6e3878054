namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// The value of an on|off option. A bool option would not do: System.CommandLine lets a bool option take a
/// following word only when it reads as true or false.
/// </summary>
internal enum Toggle
{
    Off,
    On,
}

internal static class ToggleExtensions
{
    public static bool? AsBoolean(this Toggle? toggle) => toggle is null ? null : toggle == Toggle.On;
}
