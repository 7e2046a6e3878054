namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// A boot from removable media or the diagnostics partition. The simulated PC has neither a disc in its drive
/// nor a diagnostics partition, so those fall back to the hard disk. An IDE-R boot reads the redirected medium
/// through <see cref="IBootMedia"/> and names what it found; running the image itself is not simulated, so the
/// host then stops there until it is reset. A read that fails part way is named on the console, and the boot
/// falls back to the disk.
/// </summary>
internal sealed class BootMediaStage(BootDevice device) : IConsoleStage
{
    public HostConsoleState State => HostConsoleState.BootMedia;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        switch (device)
        {
            case BootDevice.IderCd or BootDevice.IderFloppy:
                return await IderAsync(run).ConfigureAwait(false);
            case BootDevice.Diagnostics:
                await run.BiosLineAsync("Booting the diagnostics partition...").ConfigureAwait(false);
                await run.BiosLineAsync("No diagnostics partition found.").ConfigureAwait(false);
                break;
            default:
                await run.BiosLineAsync("Booting from CD/DVD...").ConfigureAwait(false);
                await run.BiosLineAsync("No bootable medium in the CD/DVD drive.").ConfigureAwait(false);
                break;
        }

        return await FallBackToDiskAsync(run).ConfigureAwait(false);
    }

    private async Task<IConsoleStage?> IderAsync(ConsoleRun run)
    {
        var kind = device == BootDevice.IderCd ? "CD" : "floppy";
        await run.BiosLineAsync($"Booting from IDE-R {kind}...").ConfigureAwait(false);
        BootMediaImage? image;
        try
        {
            image = run.BootMedia is { } media ? await media.ReadAsync(device, run.Cancellation).ConfigureAwait(false) : null;
        }
        catch (BootMediaException exception)
        {
            // As a BIOS does when a boot device fails: say why, then try the next device.
            await run.BiosLineAsync($"IDE-R {kind}: read failed: {exception.Message}").ConfigureAwait(false);
            return await FallBackToDiskAsync(run).ConfigureAwait(false);
        }

        if (image is null)
        {
            await run.BiosLineAsync($"IDE-R {kind}: no bootable medium.").ConfigureAwait(false);
            return await FallBackToDiskAsync(run).ConfigureAwait(false);
        }

        await run.BiosLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"IDE-R {kind}: \"{image.Label}\", {image.Length} bytes")).ConfigureAwait(false);
        await run.BiosLineAsync($"SHA-256 {image.Sha256}").ConfigureAwait(false);
        await run.BiosLineAsync("Loading the boot image...").ConfigureAwait(false);
        return null;
    }

    private static async Task<IConsoleStage?> FallBackToDiskAsync(ConsoleRun run)
    {
        await run.BiosLineAsync($"Booting from SATA Port 0: {SimulatedMachine.Disk}").ConfigureAwait(false);
        return new GrubStage();
    }
}
