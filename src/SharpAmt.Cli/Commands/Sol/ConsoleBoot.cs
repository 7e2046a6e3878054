using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// The boot <c>amt console --reset</c> asks for, over WS-Man or EOI as the device speaks: a reset (or power up
/// when the host is not on) with UseSOL, to the host's own boot order or to BIOS setup.
/// </summary>
internal static class ConsoleBoot
{
    public static async Task RunAsync(AmtConnectionOptions options, bool biosSetup, CliOutput output, CancellationToken cancellationToken)
    {
        await using var device = new AmtDevice(options);
        var before = await device.GetPowerStatusAsync(cancellationToken);
        var action = PowerAction.Reset;
        if (before.State != AmtPowerState.On)
        {
            action = PowerAction.On;
            output.Diagnostic($"{device.Endpoint}: the host is {PowerNames.Of(before.State)}; powering it up instead of resetting");
        }

        var target = biosSetup ? BootTarget.BiosSetup : BootTarget.Default;
        var result = await device.BootAsync(new BootRequest(target, action, UseSol: true), cancellationToken);
        output.Diagnostic($"{device.Endpoint}: {result.Summary}");
    }
}
