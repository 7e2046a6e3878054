using System.Runtime.CompilerServices;
using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// The outcome of one ATAPI command: its final sense and the data the host gets, read chunk by chunk so a large
/// READ never sits in memory whole. Each chunk becomes one 0x54; the last one carries the good status, so a
/// 0x51 is sent only for a command without data (<see cref="DataLength"/> 0). One instance per disk is reused for
/// every command (no allocation per command) and is valid until the next command or a device reset.
/// </summary>
public sealed class AtapiTransfer
{
    private readonly AtapiDisk disk;
    private readonly byte[] reply;
    private ReadOnlyMemory<byte> replyData;
    private long mediumOffset;
    private int generation;

    internal AtapiTransfer(AtapiDisk disk, int maxChunkSize)
    {
        this.disk = disk;
        MaxChunkSize = maxChunkSize;
        reply = new byte[512];
    }

    /// <summary>The final status: <see cref="AtapiSense.None"/> for GOOD, else the CHECK CONDITION sense.</summary>
    public AtapiSense Sense { get; private set; }

    public bool IsGood => Sense.IsGood;

    /// <summary>Bytes the host receives in all.</summary>
    public long DataLength { get; private set; }

    /// <summary>Bytes not yet read by <see cref="ReadChunkAsync"/>.</summary>
    public long Remaining { get; private set; }

    /// <summary>The largest chunk: the device's read buffer size from its 0x41.</summary>
    public int MaxChunkSize { get; internal set; }

    /// <summary>The size of the next chunk.</summary>
    public int NextChunkLength => (int)Math.Clamp(Remaining, 0, MaxChunkSize);

    /// <summary>A device reset ended the transfer before all its data went out; nothing more is sent for it.</summary>
    public bool IsAborted { get; private set; }

    /// <summary>Scratch the disk builds small answers in.</summary>
    internal Span<byte> ReplyBuffer => reply;

    internal void SetStatus(AtapiSense sense, int currentGeneration)
    {
        Reset(currentGeneration);
        Sense = sense;
    }

    internal void SetReply(int length, int allocationLength, int currentGeneration)
    {
        Reset(currentGeneration);
        var sent = Math.Min(length, allocationLength);
        replyData = reply.AsMemory(0, sent);
        DataLength = Remaining = sent;
    }

    internal void SetMediumRead(long offset, long length, int currentGeneration)
    {
        Reset(currentGeneration);
        mediumOffset = offset;
        DataLength = Remaining = length;
    }

    internal void Abort()
    {
        IsAborted = Remaining > 0;
        Remaining = 0;
    }

    private void Reset(int currentGeneration)
    {
        generation = currentGeneration;
        Sense = AtapiSense.None;
        DataLength = Remaining = 0;
        replyData = default;
        mediumOffset = -1;
        IsAborted = false;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the next <see cref="NextChunkLength"/> bytes (or fewer, if
    /// <paramref name="destination"/> is shorter) and returns how many; 0 when nothing is left or a reset aborted it.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReadChunkAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var count = Math.Min(NextChunkLength, destination.Length);
        if (count == 0)
        {
            return 0;
        }

        var position = DataLength - Remaining;
        if (mediumOffset < 0)
        {
            replyData.Slice((int)position, count).CopyTo(destination);
        }
        else
        {
            var medium = disk.Medium ?? throw new InvalidOperationException("the medium went away during a read");
            await medium.ReadAsync(mediumOffset + position, destination[..count], cancellationToken).ConfigureAwait(false);
            if (generation != disk.Generation)
            {
                // The host reset the device while the disk was reading: this data is no longer wanted.
                Abort();
                return 0;
            }

            disk.RecordServed(mediumOffset + position + count, count);
        }

        // A reset racing this chunk has already zeroed Remaining; never count below it.
        Remaining = Math.Max(0, Remaining - count);
        return count;
    }
}
