using System.Security.Cryptography;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Redirection.Ider.Wire;
using Xunit;
using static SharpAmt.Redirection.Tests.Ider.Support.DiskRunner;

namespace SharpAmt.Redirection.Tests.Ider.Device;

/// <summary>
/// The simulated BIOS/installer against the client's disk in one process, through the real codec (0x50 in,
/// 0x54/0x51 out): a real El Torito ISO made by genisoimage and a floppy image are read whole and hashed.
/// </summary>
public sealed class SimulatedAtapiHostTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Boots_a_real_iso_and_reads_it_whole(bool dma)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var bootImage = Pattern(2048, seed: 1);
        var iso = await IsoBuilder.BuildAsync(files, "SHARPAMT_IDER", bootImage,
            new Dictionary<string, byte[]> { ["big.bin"] = Pattern(3 << 20, seed: 2), ["small.txt"] = "hello"u8.ToArray() }, cancellation);
        await using var image = IderImageFile.Open(iso, AtapiDeviceKind.Cdrom);
        var disk = new AtapiDisk(AtapiDeviceKind.Cdrom, image);
        var link = new InProcessIderLink(new IderCommandResponder(disk, null), cdrom: true, dma);

        var report = await new SimulatedAtapiHost(link.SendAsync).BootCdAsync(cancellation);

        Assert.Equal("SHARPAMT_IDER", report.VolumeLabel);
        Assert.Equal(new FileInfo(iso).Length, report.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(iso, cancellation))), report.Sha256);
        Assert.Equal(1, report.UnitAttentions);
        Assert.NotNull(report.BootCatalogLba);
        Assert.Equal(4 * 512, report.BootImageLength);
        var isoBytes = await File.ReadAllBytesAsync(iso, cancellation);
        Assert.Equal(bootImage, isoBytes.AsSpan((int)report.BootImageLba!.Value * 2048, 2048).ToArray());
        // The whole-image pass plus the descriptors, catalog and boot image the BIOS read first.
        Assert.True(disk.GetProgress().BytesServed > new FileInfo(iso).Length);
        Assert.Equal(report.Sectors - 1, disk.GetProgress().LastLba);
        Assert.True(link.FramesSent[IderMessageType.IDER_DATA_TO_HOST] >= new FileInfo(iso).Length / 8192);
    }

    [Fact]
    public async Task Reads_a_floppy_image_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var content = Pattern(2880 * 512, seed: 4);
        var path = files.Write("floppy.img", content);
        await using var image = IderImageFile.Open(path, AtapiDeviceKind.Floppy);
        var link = new InProcessIderLink(new IderCommandResponder(null, new AtapiDisk(AtapiDeviceKind.Floppy, image)), cdrom: false);

        var report = await new SimulatedAtapiHost(link.SendAsync).ReadFloppyAsync(cancellation);

        Assert.Null(report.VolumeLabel);
        Assert.Equal(2880, report.Sectors);
        Assert.Equal(512, report.SectorSize);
        Assert.Equal(content.Length, report.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), report.Sha256);
    }

    [Fact]
    public async Task A_drive_without_medium_stops_the_boot_with_its_sense()
    {
        var link = new InProcessIderLink(new IderCommandResponder(null, null));
        var error = await Assert.ThrowsAsync<AtapiHostException>(() => new SimulatedAtapiHost(link.SendAsync).BootCdAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AtapiSense.MediumNotPresent, error.Sense);
        Assert.Equal(1, link.FramesSent[IderMessageType.IDER_COMMAND_END_RESPONSE]);
    }

    [Fact]
    public async Task A_disc_that_is_not_iso_9660_is_reported()
    {
        var disk = new AtapiDisk(AtapiDeviceKind.Cdrom, new IderMemoryImage(Pattern(64 * 2048)));
        var link = new InProcessIderLink(new IderCommandResponder(disk, null));
        var error = await Assert.ThrowsAsync<AtapiHostException>(() => new SimulatedAtapiHost(link.SendAsync).BootCdAsync(TestContext.Current.CancellationToken));
        Assert.Contains("sector 16 is not an ISO 9660 volume descriptor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_between_commands_is_retried_through_like_a_bios()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var content = Pattern(2880 * 512, seed: 6);
        var disk = new AtapiDisk(AtapiDeviceKind.Floppy, new IderMemoryImage(content));
        disk.Reset();
        var link = new InProcessIderLink(new IderCommandResponder(null, disk), cdrom: false);
        var report = await new SimulatedAtapiHost(link.SendAsync).ReadFloppyAsync(cancellation);
        Assert.Equal(1, report.UnitAttentions);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), report.Sha256);
    }

    [Fact]
    public async Task Each_read_goes_out_in_chunks_of_the_read_buffer_size_with_only_the_last_completed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var disk = Ready(Cd(sectors: 64));
        var responder = new IderCommandResponder(disk, null);
        responder.UseReadBufferSize(4096);
        var link = new InProcessIderLink(responder);
        var data = new byte[10 * 2048];
        var reply = await link.SendAsync(AtapiCdb.Create(Read10(0, 10)), data, cancellation);
        Assert.True(reply.IsGood);
        Assert.Equal(data.Length, reply.Length);
        Assert.Equal(5, link.FramesSent[IderMessageType.IDER_DATA_TO_HOST]);
        Assert.False(link.FramesSent.ContainsKey(IderMessageType.IDER_COMMAND_END_RESPONSE));
    }
}
