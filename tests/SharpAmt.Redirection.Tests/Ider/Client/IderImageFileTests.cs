using System.Net.Sockets;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Redirection.Ider.Wire;
using Xunit;
using static SharpAmt.Redirection.Tests.Ider.Support.DiskRunner;

namespace SharpAmt.Redirection.Tests.Ider.Client;

/// <summary>Images are checked before any session, and the read-ahead returns exactly the file's bytes.</summary>
public sealed class IderImageFileTests : IDisposable
{
    private static readonly IderReadAheadOptions SmallBlocks = new() { BlockSize = 64 * 1024, BlockCount = 4 };
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_missing_image_is_one_clear_line()
    {
        var path = files.PathOf("absent.iso");
        var error = Assert.Throws<IderImageException>(() => IderImageFile.Open(path, AtapiDeviceKind.Cdrom));
        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void A_directory_is_not_an_image()
    {
        var error = Assert.Throws<IderImageException>(() => IderImageFile.Open(files.Root, AtapiDeviceKind.Cdrom));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cd_image_must_be_whole_2048_byte_sectors()
    {
        var path = files.Write("odd.iso", new byte[2048 * 3 + 512]);
        var error = Assert.Throws<IderImageException>(() => IderImageFile.Open(path, AtapiDeviceKind.Cdrom));
        Assert.Equal($"{path}: 6656 bytes is not a whole number of 2048-byte CD sectors", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_floppy_image_must_be_whole_512_byte_sectors()
    {
        var path = files.Write("odd.img", new byte[1000]);
        var error = Assert.Throws<IderImageException>(() => IderImageFile.Open(path, AtapiDeviceKind.Floppy));
        Assert.Equal($"{path}: 1000 bytes is not a whole number of 512-byte floppy sectors", error.Message);
    }

    [Fact]
    public void An_empty_image_is_refused()
    {
        var path = files.Write("empty.iso", []);
        Assert.Equal($"{path}: the image is empty", Assert.Throws<IderImageException>(() => IderImageFile.Open(path, AtapiDeviceKind.Cdrom)).Message);
    }

    [Fact]
    public void An_unreadable_image_is_refused()
    {
        // A Unix socket exists but cannot be opened for reading by anyone, root included (ENXIO).
        var path = files.PathOf("socket.iso");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var error = Assert.Throws<IderImageException>(() => IderImageFile.Open(path, AtapiDeviceKind.Cdrom));
        Assert.StartsWith(path + ": cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Sequential_reads_return_the_file_contents()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var content = Pattern(1_000 * 2048);
        await using var image = IderImageFile.Open(files.Write("seq.iso", content), AtapiDeviceKind.Cdrom, SmallBlocks);
        var buffer = new byte[8192];
        for (var offset = 0; offset < content.Length; offset += buffer.Length)
        {
            var length = Math.Min(buffer.Length, content.Length - offset);
            await image.ReadAsync(offset, buffer.AsMemory(0, length), cancellation);
            Assert.True(content.AsSpan(offset, length).SequenceEqual(buffer.AsSpan(0, length)), $"at {offset}");
        }
    }

    [Fact]
    public async Task Random_reads_return_the_file_contents()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var content = Pattern(3_000 * 512, seed: 11);
        await using var image = IderImageFile.Open(files.Write("random.img", content), AtapiDeviceKind.Floppy, SmallBlocks);
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(1, 200_000);
            var offset = random.NextInt64(0, content.Length - length);
            var buffer = new byte[length];
            await image.ReadAsync(offset, buffer, cancellation);
            Assert.True(content.AsSpan((int)offset, length).SequenceEqual(buffer), $"read {i}: {length} at {offset}");
        }
    }

    [Fact]
    public async Task Reads_across_block_boundaries_and_the_last_partial_block_are_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var content = Pattern(100 * 2048, seed: 3);
        await using var image = IderImageFile.Open(files.Write("edges.iso", content), AtapiDeviceKind.Cdrom, new IderReadAheadOptions { BlockSize = 3000, BlockCount = 2 });
        var buffer = new byte[content.Length];
        await image.ReadAsync(0, buffer, cancellation);
        Assert.Equal(content, buffer);
        var tail = new byte[5000];
        await image.ReadAsync(content.Length - tail.Length, tail, cancellation);
        Assert.Equal(content[^5000..], tail);
    }

    [Fact]
    public async Task A_cancelled_read_throws_and_later_reads_still_work()
    {
        var content = Pattern(64 * 2048);
        await using var image = IderImageFile.Open(files.Write("cancel.iso", content), AtapiDeviceKind.Cdrom, SmallBlocks);
        var buffer = new byte[4096];
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await image.ReadAsync(0, buffer, new CancellationToken(canceled: true)));
        await image.ReadAsync(8192, buffer, TestContext.Current.CancellationToken);
        Assert.Equal(content.AsSpan(8192, 4096).ToArray(), buffer);
    }

    [Fact]
    public async Task A_read_past_the_end_is_refused_and_a_disposed_image_is_closed()
    {
        var image = IderImageFile.Open(files.Write("end.iso", new byte[2048]), AtapiDeviceKind.Cdrom);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await image.ReadAsync(1024, new byte[2048], TestContext.Current.CancellationToken));
        await image.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await image.ReadAsync(0, new byte[16], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_disk_serves_an_image_file_through_the_read_ahead()
    {
        var content = Pattern(200 * 2048, seed: 9);
        await using var image = IderImageFile.Open(files.Write("disk.iso", content), AtapiDeviceKind.Cdrom, SmallBlocks);
        var disk = Ready(new AtapiDisk(AtapiDeviceKind.Cdrom, image));
        var (sense, data) = await RunAsync(disk, AtapiCdb.Create(Read10(0, 200)));
        Assert.True(sense.IsGood);
        Assert.Equal(content, data);
        Assert.Equal(content.Length, disk.GetProgress().BytesServed);
        Assert.Equal(199, disk.GetProgress().LastLba);
    }
}
