namespace SharpAmt.Cli.Output;

/// <summary>The words amt prints for library values. JSON uses the same words, so they are part of the output contract.</summary>
internal static class Names
{
    public static string Of(AmtPowerState state) => state switch
    {
        AmtPowerState.On => "on",
        AmtPowerState.Sleep => "sleep",
        AmtPowerState.Hibernate => "hibernate",
        AmtPowerState.Off => "off",
        _ => "unknown",
    };

    public static string Of(ControlMode mode) => mode switch
    {
        ControlMode.Admin => "admin",
        ControlMode.Client => "client",
        _ => "unknown",
    };

    public static string Describe(ControlMode mode) => mode switch
    {
        ControlMode.Admin => "admin control mode (ACM)",
        ControlMode.Client => "client control mode (CCM)",
        _ => "unknown",
    };

    public static string Of(VersionSource source) => source switch
    {
        VersionSource.SoftwareIdentity => "CIM_SoftwareIdentity",
        VersionSource.CoreVersion => "EOI GetCoreVersion",
        _ => "Server header",
    };

    public static string Of(ConsentPolicy policy) => policy switch
    {
        ConsentPolicy.None => "none",
        ConsentPolicy.Kvm => "kvm",
        _ => "all",
    };

    public static string Describe(ConsentPolicy policy) => policy switch
    {
        ConsentPolicy.None => "none (no consent needed)",
        ConsentPolicy.Kvm => "kvm (consent needed for KVM)",
        _ => "all (consent needed for every redirection)",
    };

    public static string Of(ConsentState state) => state switch
    {
        ConsentState.NotStarted => "not-started",
        ConsentState.Requested => "requested",
        ConsentState.Displayed => "displayed",
        ConsentState.Received => "granted",
        ConsentState.InSession => "in-session",
        _ => "unknown",
    };

    public static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>A display by the number AMT selects it with, from 0.</summary>
    public static string Display(int display) => display switch
    {
        0 => "display 0 (the primary)",
        1 => "display 1 (the second)",
        2 => "display 2 (the third)",
        _ => $"display {display}",
    };

    /// <summary>The power actions a status allows now, by their command-line names.</summary>
    public static IReadOnlyList<string> Actions(PowerStatus status) =>
        status.AvailableRequestedPowerStates.Where(state => Enum.IsDefined((PowerAction)state)).Select(state => PowerNames.Of((PowerAction)state)).ToArray();
}
