using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.EndToEnd;

/// <summary>
/// A simulated device boots from the images an IDE-R session serves over real TCP, and names on its SOL console
/// what it read: the label, the size and the SHA-256, which must be the file's own.
/// </summary>
public sealed class SimulatedIderBootTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_built_iso_boots_and_the_console_shows_the_files_sha256()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "SHARPAMT_E2E", 2 << 20, Token);
        await using var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: Token);
        await using var image = IderImageFile.Open(iso, AtapiDeviceKind.Cdrom);
        await using var ider = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = image }, Token);

        device.BootToIder(cd: true);

        var console = await Console.ReadUntilAsync(sol, "SHA-256 " + IderImages.Sha256(iso), Token);
        Assert.Contains($"IDE-R CD: \"SHARPAMT_E2E\", {new FileInfo(iso).Length} bytes", console, StringComparison.Ordinal);
        // The BIOS's own reads (volume descriptors, boot catalog, boot image) come on top of the whole-image pass.
        var progress = ider.GetProgress(AtapiDeviceKind.Cdrom);
        Assert.InRange(progress.BytesServed, new FileInfo(iso).Length, new FileInfo(iso).Length + 64 * 2048);
        Assert.Equal(new FileInfo(iso).Length / 2048 - 1, progress.LastLba);
    }

    [Fact]
    public async Task A_floppy_image_boots_and_the_console_shows_its_sha256()
    {
        using var temp = new TempFiles();
        var floppy = IderImages.Floppy(temp);
        await using var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: Token);
        await using var image = IderImageFile.Open(floppy, AtapiDeviceKind.Floppy);
        await using var ider = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Floppy = image }, Token);

        device.BootToIder(cd: false);

        var console = await Console.ReadUntilAsync(sol, "SHA-256 " + IderImages.Sha256(floppy), Token);
        Assert.Contains("IDE-R floppy: \"\", 1474560 bytes", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_an_ide_r_boot_finds_no_medium()
    {
        await using var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: Token);

        device.BootToIder(cd: true);

        await Console.ReadUntilAsync(sol, "IDE-R CD: no bootable medium.", Token);
    }

    [Fact]
    public async Task A_session_enabled_for_the_next_boot_serves_only_boots_after_it()
    {
        using var temp = new TempFiles();
        var floppy = IderImages.Floppy(temp, sectors: 64);
        await using var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: Token);
        device.BootToIder(cd: false);
        await Console.ReadUntilAsync(sol, "IDE-R floppy: no bootable medium.", Token);
        await using var image = IderImageFile.Open(floppy, AtapiDeviceKind.Floppy);
        await using var ider = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Floppy = image, StartMode = IderStartMode.OnReboot }, Token);

        // Read during the boot that was running when the drives were enabled: nothing yet.
        Assert.Null(await device.Device.Console.BootMedia!.ReadAsync(Simulator.Host.BootDevice.IderFloppy, Token));
        device.BootToIder(cd: false);

        await Console.ReadUntilAsync(sol, "SHA-256 " + IderImages.Sha256(floppy), Token);
    }

    [Fact]
    public async Task A_client_dropping_mid_boot_is_named_on_the_console_and_the_boot_goes_on()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "DROPPED", 4 << 20, Token);
        await using var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: Token);
        var medium = new GatedMedium(new IderMemoryImage(await File.ReadAllBytesAsync(iso, Token)), gateAt: 1 << 20);
        var ider = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = medium }, Token);

        device.BootToIder(cd: true);
        await medium.Reached.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await ider.DisposeAsync();
        medium.Open();

        var console = await Console.ReadUntilAsync(sol, "IDE-R CD: read failed: the IDE-R client closed the connection while the host waited for READ(10)", Token);
        await Console.ReadUntilAsync(sol, "Booting from SATA Port 0", Token);
        Assert.DoesNotContain("SHA-256", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_dropping_mid_boot_ends_the_client_with_a_clear_error()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "DEVICE_DROP", 4 << 20, Token);
        var device = await SimulatedIderDevice.StartAsync(cancellationToken: Token);
        var medium = new GatedMedium(new IderMemoryImage(await File.ReadAllBytesAsync(iso, Token)), gateAt: 1 << 20);
        await using var ider = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = medium }, Token);

        device.BootToIder(cd: true);
        await medium.Reached.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await device.DisposeAsync();
        medium.Open();

        var failure = await Assert.ThrowsAnyAsync<AmtConnectionException>(() => ider.Completion.WaitAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Contains("IDE-R", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_only_firmware_16_1_boots_over_tls()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "TLS_BOOT", 1 << 20, Token);
        await using var device = await SimulatedIderDevice.StartAsync(FirmwareProfiles.Amt16, Token);
        await using var sol = await SolSession.OpenAsync(device.Client(tls: true), cancellationToken: Token);
        await using var image = IderImageFile.Open(iso, AtapiDeviceKind.Cdrom);
        await using var ider = await IderSession.OpenAsync(device.Client(tls: true), new IderSessionOptions { Cdrom = image }, Token);

        device.BootToIder(cd: true);

        await Console.ReadUntilAsync(sol, "SHA-256 " + IderImages.Sha256(iso), Token);
        await Assert.ThrowsAnyAsync<AmtConnectionException>(() => IderSession.OpenAsync(device.Client(tls: false), new IderSessionOptions(), Token));
    }
}
