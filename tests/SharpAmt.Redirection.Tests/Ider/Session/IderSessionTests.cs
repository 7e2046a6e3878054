using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.Session;

/// <summary>The IDE-R client against the device side over real TCP: the simulated host reads the images through the session.</summary>
public sealed class IderSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_boots_an_iso_over_the_session_and_reads_it_whole()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "SHARPAMT_TEST", 3 << 20, Token);
        await using var device = new IderLoopbackDevice();
        await using var image = IderImageFile.Open(iso, AtapiDeviceKind.Cdrom);
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = image }, Token);

        Assert.Equal(8192, session.ReadBufferSize);
        Assert.True(device.Port.IsAttached);
        Assert.True(device.Port.IsEnabled);
        Assert.Equal(IderStartMode.Now, device.Port.StartMode);
        var report = await new SimulatedAtapiHost(device.Port.CommandSender(IderHostDrive.Cdrom)).BootCdAsync(Token);

        Assert.Equal("SHARPAMT_TEST", report.VolumeLabel);
        Assert.Equal(IderImages.Sha256(iso), report.Sha256);
        Assert.Equal(new FileInfo(iso).Length, report.BytesRead);
        Assert.NotNull(report.BootImageLba);
        var progress = session.GetProgress(AtapiDeviceKind.Cdrom);
        Assert.True(progress.BytesServed >= report.BytesRead, $"{progress.BytesServed} served");
        Assert.Equal(report.Sectors - 1, progress.LastLba);
        Assert.Equal(0, session.GetProgress(AtapiDeviceKind.Floppy).BytesServed);
    }

    [Fact]
    public async Task A_floppy_image_is_read_whole_through_the_floppy_drive()
    {
        using var temp = new TempFiles();
        var floppy = IderImages.Floppy(temp);
        await using var device = new IderLoopbackDevice();
        await using var image = IderImageFile.Open(floppy, AtapiDeviceKind.Floppy);
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Floppy = image, StartMode = IderStartMode.Graceful }, Token);

        Assert.Equal(IderStartMode.Graceful, device.Port.StartMode);
        var report = await new SimulatedAtapiHost(device.Port.CommandSender(IderHostDrive.Floppy)).ReadFloppyAsync(Token);

        Assert.Equal(IderImages.Sha256(floppy), report.Sha256);
        Assert.Equal(1_474_560, report.BytesRead);
        Assert.Equal(1_474_560, session.GetProgress(AtapiDeviceKind.Floppy).BytesServed);

        // The CD drive of this session has no disc: the host is told so with real sense data.
        await Assert.ThrowsAsync<AtapiHostException>(() => new SimulatedAtapiHost(device.Port.CommandSender(IderHostDrive.Cdrom)).BootCdAsync(Token));
    }

    [Fact]
    public async Task A_device_reset_in_the_middle_of_a_read_fails_that_read_and_the_next_boot_succeeds()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "RESET_TEST", 12 << 20, Token);
        await using var device = new IderLoopbackDevice();
        var medium = new GatedMedium(new IderMemoryImage(await File.ReadAllBytesAsync(iso, Token)), gateAt: 8 << 20);
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = medium }, Token);
        var sender = device.Port.CommandSender(IderHostDrive.Cdrom);

        var boot = new SimulatedAtapiHost(sender).BootCdAsync(Token);
        await medium.Reached.WaitAsync(TimeSpan.FromSeconds(10), Token);
        // The read of the ninth MiB is outstanding: the client is still fetching it from the medium.
        var reset = device.Port.ResetAsync(Token);
        medium.Open();
        await reset;

        var failure = await Assert.ThrowsAsync<AtapiHostException>(() => boot);
        Assert.Contains("reset the IDE-R drives during READ(10)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, session.Resets);
        var again = await new SimulatedAtapiHost(sender).BootCdAsync(Token);
        Assert.Equal(IderImages.Sha256(iso), again.Sha256);
        Assert.Equal(1, again.UnitAttentions);
    }

    [Fact]
    public async Task A_client_that_drops_mid_boot_fails_the_hosts_read_with_a_clear_message()
    {
        using var temp = new TempFiles();
        var iso = await IderImages.IsoAsync(temp, "DROP_TEST", 16 << 20, Token);
        await using var device = new IderLoopbackDevice();
        await using var image = IderImageFile.Open(iso, AtapiDeviceKind.Cdrom);
        var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = image }, Token);
        var sender = device.Port.CommandSender(IderHostDrive.Cdrom);
        AtapiCommandSender slow = async (cdb, data, cancellationToken) =>
        {
            await Task.Delay(5, cancellationToken);
            return await sender(cdb, data, cancellationToken);
        };

        var boot = new SimulatedAtapiHost(slow, new SimulatedAtapiHostOptions { ReadSize = 64 * 1024 }).BootCdAsync(Token);
        await SolAssert.EventuallyAsync(() => session.GetProgress(AtapiDeviceKind.Cdrom).BytesServed > 1 << 20, "the whole-image pass started", Token);
        await session.DisposeAsync();

        var failure = await Assert.ThrowsAsync<AtapiHostException>(() => boot.WaitAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Contains("closed the connection", failure.Message, StringComparison.Ordinal);
        await SolAssert.EventuallyAsync(() => !device.Port.IsAttached, "the port is free again", Token);
    }

    [Fact]
    public async Task A_device_that_drops_the_session_ends_the_client_with_a_clear_error()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = new IderMemoryImage(new byte[4096]) }, Token);

        await device.DropConnectionsAsync();

        var failure = await Assert.ThrowsAsync<AmtConnectionException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Contains("closed the IDE-R session", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_orderly_close_ends_the_session_on_both_sides()
    {
        await using var device = new IderLoopbackDevice();
        var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = new IderMemoryImage(new byte[4096]) }, Token);

        await session.CloseAsync(Token);

        Assert.True(session.Completion.IsCompletedSuccessfully);
        await SolAssert.EventuallyAsync(() => !device.Port.IsAttached, "the port is free again", Token);
        await using var next = await IderSession.OpenAsync(device.Client(), new IderSessionOptions(), Token);
        Assert.True(device.Port.IsAttached);
    }

    [Fact]
    public async Task A_second_session_is_refused_as_busy_and_a_disabled_feature_as_unsupported()
    {
        await using var device = new IderLoopbackDevice();
        await using var first = await IderSession.OpenAsync(device.Client(), new IderSessionOptions(), Token);

        var busy = await Assert.ThrowsAsync<RedirectionRefusedException>(() => IderSession.OpenAsync(device.Client(), new IderSessionOptions(), Token));
        Assert.True(busy.IsBusy);

        device.Enabled = false;
        var disabled = await Assert.ThrowsAsync<RedirectionRefusedException>(() => IderSession.OpenAsync(device.Client(), new IderSessionOptions(), Token));
        Assert.Equal(Redirection.Wire.RedirectionStatus.Unsupported, disabled.Status);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_before_ide_r_starts()
    {
        await using var device = new IderLoopbackDevice();

        await Assert.ThrowsAsync<AmtAuthenticationException>(() => IderSession.OpenAsync(device.Client(password: "wrong"), new IderSessionOptions(), Token));

        Assert.False(device.Port.IsAttached);
    }

    [Fact]
    public async Task The_host_stops_reading_is_seen_after_the_idle_time()
    {
        await using var device = new IderLoopbackDevice();
        var content = new byte[64 * 2048];
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = new IderMemoryImage(content) }, Token);

        var early = session.WaitForHostIdleAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), Token);
        await Task.Delay(300, Token);
        Assert.False(early.IsCompleted, "no read happened yet, so the host is not idle");

        var buffer = new byte[4096];
        var sender = device.Port.CommandSender(IderHostDrive.Cdrom);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await sender(AtapiCdb.Create(0x00), Memory<byte>.Empty, Token);
        }

        var read = await sender(AtapiCdb.Create(0x28, 0, 0, 0, 0, 0, 0, 0, 2, 0), buffer, Token);
        Assert.True(read.IsGood);
        Assert.Equal(4096, read.Length);
        Assert.Equal(IderHostActivity.StoppedReading, await early.WaitAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task A_host_that_never_reads_is_reported_after_the_first_read_time()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = new IderMemoryImage(new byte[4096]) }, Token);

        var activity = await session.WaitForHostIdleAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), Token).WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.Equal(IderHostActivity.NeverRead, activity);
    }

    [Fact]
    public async Task A_command_the_host_gave_up_on_leaves_no_stale_data_for_the_next_one()
    {
        var content = new byte[4 << 20];
        Random.Shared.NextBytes(content);
        await using var device = new IderLoopbackDevice();
        var medium = new GatedMedium(new IderMemoryImage(content), gateAt: 2 << 20);
        await using var session = await IderSession.OpenAsync(device.Client(), new IderSessionOptions { Cdrom = medium }, Token);
        var sender = device.Port.CommandSender(IderHostDrive.Cdrom);
        await ReadyAsync(sender);

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var abandoned = sender(Read10(1024, 256), new byte[256 * 2048], giveUp.Token).AsTask();
        await medium.Reached.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        medium.Open();

        // The next command first resets the drives (the host sees the reset's unit attention), then reads clean data.
        var attention = await sender(AtapiCdb.Create(0x00), Memory<byte>.Empty, Token);
        var buffer = new byte[16 * 2048];
        var read = await sender(Read10(16, 16), buffer, Token);

        Assert.Equal(new AtapiSense(0x06, 0x29, 0x00), attention.Sense);
        Assert.True(read.IsGood);
        Assert.Equal(content.AsSpan(16 * 2048, buffer.Length).ToArray(), buffer);
        Assert.Equal(1, session.Resets);
    }

    private static AtapiCdb Read10(int lba, int count) =>
        AtapiCdb.Create(0x28, 0, (byte)(lba >> 24), (byte)(lba >> 16), (byte)(lba >> 8), (byte)lba, 0, (byte)(count >> 8), (byte)count, 0);

    /// <summary>TEST UNIT READY through the unit attention of a newly inserted disc.</summary>
    private static async Task ReadyAsync(AtapiCommandSender sender)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            if ((await sender(AtapiCdb.Create(0x00), Memory<byte>.Empty, Token)).IsGood)
            {
                return;
            }
        }

        Assert.Fail("the drive never became ready");
    }
}
