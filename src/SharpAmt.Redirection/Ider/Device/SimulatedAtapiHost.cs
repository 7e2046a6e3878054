using System.Buffers.Binary;
using System.Security.Cryptography;
using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>
/// Plays the host behind the ME: issues the ATAPI commands a BIOS and then an installer send to an IDE-R drive
/// (reference §6.5.8, "Commands a simulated host should issue") and checks every answer. For a CD: TEST UNIT READY
/// through unit attentions, INQUIRY, READ CAPACITY, MODE SENSE page 0x2A, READ TOC, the ISO 9660 volume
/// descriptors from LBA 16, the El Torito boot catalog and boot image, then the whole image in large reads.
/// </summary>
public sealed class SimulatedAtapiHost
{
    private readonly AtapiCommandSender send;
    private readonly SimulatedAtapiHostOptions options;
    private readonly byte[] small = new byte[2048];
    private int commands;
    private int unitAttentions;

    public SimulatedAtapiHost(AtapiCommandSender send, SimulatedAtapiHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        this.send = send;
        this.options = options ?? SimulatedAtapiHostOptions.Default;
        if (this.options.ReadSize < 2048 || this.options.ReadSize % 2048 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the read size is a whole number of CD sectors");
        }
    }

    /// <summary>Boots from the CD-ROM as a BIOS does, then reads the whole disc as an installer copying it would.</summary>
    public async Task<AtapiHostReport> BootCdAsync(CancellationToken cancellationToken = default)
    {
        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        await InquiryAsync(0x05, cancellationToken).ConfigureAwait(false);
        var (sectors, sectorSize) = await ReadCapacityAsync(2048, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(Cdb10(0x5A, 0x2A, allocation: 256), "MODE SENSE(10) page 0x2A", cancellationToken).ConfigureAwait(false);
        var toc = await ExpectAsync(Cdb10(0x43, 0, allocation: 20), "READ TOC", cancellationToken).ConfigureAwait(false);
        if (toc < 12 || small[2] != 1)
        {
            throw new AtapiHostException("READ TOC: no first track 1");
        }

        string? label = null;
        long? catalogLba = null, bootLba = null;
        int? bootLength = null;
        for (var i = 0; i < options.MaxVolumeDescriptors; i++)
        {
            var lba = Iso9660.FirstDescriptorLba + i;
            await ReadSectorsAsync(lba, 1, 2048, small, cancellationToken).ConfigureAwait(false);
            if (!Iso9660.IsDescriptor(small))
            {
                throw new AtapiHostException($"sector {lba} is not an ISO 9660 volume descriptor");
            }

            if (small[0] == Iso9660.Terminator)
            {
                break;
            }

            if (small[0] == Iso9660.PrimaryVolume)
            {
                label = Iso9660.VolumeIdentifier(small);
            }
            else if (small[0] == Iso9660.BootRecord && Iso9660.BootCatalogLba(small) is >= 0 and var catalog)
            {
                catalogLba = catalog;
            }
        }

        if (label is null)
        {
            throw new AtapiHostException("the disc has no primary volume descriptor");
        }

        if (catalogLba is { } catalogAt)
        {
            await ReadSectorsAsync(catalogAt, 1, 2048, small, cancellationToken).ConfigureAwait(false);
            if (!Iso9660.TryReadDefaultEntry(small, out var loadLba, out var virtualSectors))
            {
                throw new AtapiHostException($"the boot catalog at sector {catalogAt} is not valid or not bootable");
            }

            // The boot image is counted in 512-byte virtual sectors; the BIOS reads whole CD sectors.
            bootLength = virtualSectors * 512;
            bootLba = loadLba;
            var bootImage = new byte[Math.Max(2048, (bootLength.Value + 2047) / 2048 * 2048)];
            await ReadSectorsAsync(loadLba, bootImage.Length / 2048, 2048, bootImage, cancellationToken).ConfigureAwait(false);
        }

        var (bytes, hash) = await ReadWholeAsync(sectors, sectorSize, cancellationToken).ConfigureAwait(false);
        return new AtapiHostReport
        {
            VolumeLabel = label, Sectors = sectors, SectorSize = sectorSize, BytesRead = bytes, Sha256 = hash, BootCatalogLba = catalogLba,
            BootImageLba = bootLba, BootImageLength = bootLength, UnitAttentions = unitAttentions, Commands = commands,
        };
    }

    /// <summary>Reads a floppy as a BIOS then a driver does: readiness, identity, capacity, geometry page, all sectors.</summary>
    public async Task<AtapiHostReport> ReadFloppyAsync(CancellationToken cancellationToken = default)
    {
        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        await InquiryAsync(0x00, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(Cdb10(0x23, 0, allocation: 252), "READ FORMAT CAPACITIES", cancellationToken).ConfigureAwait(false);
        var (sectors, sectorSize) = await ReadCapacityAsync(512, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(Cdb10(0x5A, 0x05, allocation: 256), "MODE SENSE(10) page 0x05", cancellationToken).ConfigureAwait(false);
        var (bytes, hash) = await ReadWholeAsync(sectors, sectorSize, cancellationToken).ConfigureAwait(false);
        return new AtapiHostReport
        {
            Sectors = sectors, SectorSize = sectorSize, BytesRead = bytes, Sha256 = hash, UnitAttentions = unitAttentions, Commands = commands,
        };
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.ReadyAttempts; attempt++)
        {
            var reply = await SendAsync(AtapiCdb.Create(0x00), Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (reply.IsGood)
            {
                return;
            }

            if (!reply.Sense.IsUnitAttention)
            {
                throw new AtapiHostException("TEST UNIT READY failed", reply.Sense);
            }

            unitAttentions++;
        }

        throw new AtapiHostException($"the drive was not ready after {options.ReadyAttempts} TEST UNIT READY");
    }

    private async Task InquiryAsync(byte deviceType, CancellationToken cancellationToken)
    {
        var length = await ExpectAsync(AtapiCdb.Create(0x12, 0, 0, 0, 36, 0), "INQUIRY", cancellationToken).ConfigureAwait(false);
        if (length < 36 || (small[0] & 0x1F) != deviceType)
        {
            throw new AtapiHostException($"INQUIRY: device type {small[0] & 0x1F}, expected {deviceType}");
        }
    }

    private async Task<(long Sectors, int SectorSize)> ReadCapacityAsync(int expectedSize, CancellationToken cancellationToken)
    {
        var length = await ExpectAsync(AtapiCdb.Create(0x25), "READ CAPACITY", cancellationToken).ConfigureAwait(false);
        var lastLba = BinaryPrimitives.ReadUInt32BigEndian(small);
        var size = BinaryPrimitives.ReadInt32BigEndian(small.AsSpan(4));
        if (length != 8 || size != expectedSize)
        {
            throw new AtapiHostException($"READ CAPACITY: block size {size}, expected {expectedSize}");
        }

        return (lastLba + 1L, size);
    }

    private async Task<(long Bytes, string Sha256)> ReadWholeAsync(long sectors, int sectorSize, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[options.ReadSize];
        var perRead = options.ReadSize / sectorSize;
        var bytes = 0L;
        // Bounded by the capacity: every turn reads at least one sector further.
        for (var lba = 0L; lba < sectors; lba += perRead)
        {
            var count = (int)Math.Min(perRead, sectors - lba);
            var length = count * sectorSize;
            await ReadSectorsAsync(lba, count, sectorSize, buffer, cancellationToken).ConfigureAwait(false);
            if (options.ComputeHash)
            {
                hash.AppendData(buffer, 0, length);
            }

            bytes += length;
        }

        return (bytes, options.ComputeHash ? Convert.ToHexStringLower(hash.GetHashAndReset()) : "");
    }

    private async Task ReadSectorsAsync(long lba, int count, int sectorSize, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var cdb = AtapiCdb.Create(0x28, 0, (byte)(lba >> 24), (byte)(lba >> 16), (byte)(lba >> 8), (byte)lba, 0, (byte)(count >> 8), (byte)count, 0);
        var expected = count * sectorSize;
        var reply = await SendAsync(cdb, destination[..expected], cancellationToken).ConfigureAwait(false);
        if (!reply.IsGood)
        {
            throw new AtapiHostException($"READ(10) of {count} sectors at {lba} failed", reply.Sense);
        }

        if (reply.Length != expected)
        {
            throw new AtapiHostException($"READ(10) of {count} sectors at {lba} returned {reply.Length} bytes, expected {expected}");
        }
    }

    private async Task<int> ExpectAsync(AtapiCdb cdb, string what, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(cdb, small, cancellationToken).ConfigureAwait(false);
        if (!reply.IsGood)
        {
            throw new AtapiHostException($"{what} failed", reply.Sense);
        }

        return reply.Length;
    }

    private ValueTask<AtapiReply> SendAsync(AtapiCdb cdb, Memory<byte> data, CancellationToken cancellationToken)
    {
        commands++;
        return send(cdb, data, cancellationToken);
    }

    private static AtapiCdb Cdb10(byte operation, byte pageOrFormat, ushort allocation) =>
        AtapiCdb.Create(operation, 0, pageOrFormat, 0, 0, 0, 0, (byte)(allocation >> 8), (byte)allocation, 0);
}
