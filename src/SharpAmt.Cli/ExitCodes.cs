namespace SharpAmt.Cli;

/// <summary>What <c>amt</c> exits with; scripts over fleets key on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The device or the network failed: unreachable, wrong password, a fault, a pin mismatch, a protocol error.</summary>
    public const int DeviceError = 1;

    /// <summary>The command line, configuration or password source was wrong; nothing was sent to a device.</summary>
    public const int UsageError = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM before finishing (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
