namespace SharpAmt.Cli.Commands.Power;

/// <summary>What <c>amt power</c> was asked to do: read the status, or request <see cref="Action"/>.</summary>
internal sealed record PowerVerb(string Name, PowerAction? Action)
{
    public static readonly (string Name, PowerVerb Value)[] All =
    [
        Of("status", null),
        Of("on", PowerAction.On),
        Of("off", PowerAction.Off),
        Of("reset", PowerAction.Reset),
        Of("cycle", PowerAction.Cycle),
        Of("soft-off", PowerAction.SoftOff),
        Of("soft-reset", PowerAction.SoftReset),
        Of("sleep", PowerAction.Sleep),
        Of("hibernate", PowerAction.Hibernate),
    ];

    /// <summary>The actions after which the host boots, so a boot target makes sense (reference section 4.2).</summary>
    public bool Boots => Action is PowerAction.On or PowerAction.Reset or PowerAction.Cycle or PowerAction.SoftReset;

    private static (string, PowerVerb) Of(string name, PowerAction? action) => (name, new PowerVerb(name, action));
}
