namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>What <c>amt kvm HOST</c> did, for <c>--json</c>: the screen it saw and each action taken.</summary>
internal sealed record KvmRunView(
    string Host,
    int Width,
    int Height,
    string PixelFormat,
    int? TypedCharacters,
    IReadOnlyList<string>? Keys,
    string? Screenshot,
    string? Listen,
    string? WebSocket,
    int? Reconnects,
    string? Outcome);
