using System.Buffers;
using System.Runtime.CompilerServices;
using SharpAmt.Redirection.Ider.Wire.Messages;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// Turns the device's 0x50 commands into the client's answers: 0x54 chunks of at most the disk's chunk size (the
/// last one completed, carrying GOOD), or one 0x51 with the status and sense. A device the client does not emulate
/// answers as a drive without a medium, as amtider does.
/// </summary>
public sealed class IderCommandResponder
{
    private readonly AtapiDisk cdrom;
    private readonly AtapiDisk floppy;

    public IderCommandResponder(AtapiDisk? cdrom, AtapiDisk? floppy)
    {
        if (cdrom is not null && cdrom.Kind != AtapiDeviceKind.Cdrom || floppy is not null && floppy.Kind != AtapiDeviceKind.Floppy)
        {
            throw new ArgumentException("the CD-ROM and floppy disks must be of their kind");
        }

        this.cdrom = cdrom ?? new AtapiDisk(AtapiDeviceKind.Cdrom, null);
        this.floppy = floppy ?? new AtapiDisk(AtapiDeviceKind.Floppy, null);
    }

    /// <summary>Sets the chunk size of both drives to the read buffer size the device announced in its 0x41.</summary>
    public void UseReadBufferSize(int readBufferSize)
    {
        cdrom.MaxChunkSize = readBufferSize;
        floppy.MaxChunkSize = readBufferSize;
    }

    public AtapiDisk DiskFor(in IderCommandWritten command) => command.IsCdrom ? cdrom : floppy;

    /// <summary>A 0x46 reset: both drives drop their transfers and report 06/29/00 next.</summary>
    public void Reset()
    {
        cdrom.Reset();
        floppy.Reset();
    }

    /// <summary>
    /// Executes <paramref name="command"/> and sends its answer through <paramref name="sink"/>. Returns false when a
    /// device reset cut the data short (then nothing more is owed for this command).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> RespondAsync(IderCommandWritten command, IIderFrameSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var disk = DiskFor(command);
        var transfer = await disk.ExecuteAsync(command.Cdb, cancellationToken).ConfigureAwait(false);
        var drive = disk.Drive;
        if (transfer.DataLength == 0)
        {
            var end = IderCommandEndResponse.For(sink.NextSequence(), drive, transfer.Sense);
            end.Write(sink.GetBuffer(IderCommandEndResponse.Size).Span);
            await sink.SendAsync(IderCommandEndResponse.Size, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // Bounded by the transfer: each turn sends one non-empty chunk or stops.
        var chunks = (transfer.DataLength + transfer.MaxChunkSize - 1) / transfer.MaxChunkSize;
        for (var chunk = 0L; chunk < chunks && transfer.Remaining > 0; chunk++)
        {
            var length = transfer.NextChunkLength;
            var buffer = sink.GetBuffer(IderDataToHost.HeaderSize + length);
            var read = await transfer.ReadChunkAsync(buffer.Slice(IderDataToHost.HeaderSize, length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            var last = transfer.Remaining == 0;
            IderDataToHost.Chunk(sink.NextSequence(), drive, command.Dma, ReadOnlySequence<byte>.Empty, last).WriteHeader(buffer.Span, (ushort)read);
            if (!command.Dma)
            {
                // The PIO byte-count registers announce this chunk's length (MeshCommander's choice, reference §6.5.5).
                buffer.Span[16] = (byte)read;
                buffer.Span[17] = (byte)(read >> 8);
            }

            await sink.SendAsync(IderDataToHost.HeaderSize + read, cancellationToken).ConfigureAwait(false);
        }

        return !transfer.IsAborted;
    }
}
