using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>
/// Serves reads of a file from blocks a background task reads ahead, so the host is answered from memory and the
/// disk works while the network does. Hosts read mostly sequentially: a read just past what is buffered consumes
/// buffered blocks, anything else restarts the reader at the new position. The buffer is bounded: the reader stops
/// when all <see cref="IderReadAheadOptions.BlockCount"/> blocks are full. One reader at a time (the disk serialises
/// commands).
/// </summary>
internal sealed class ReadAheadReader : IAsyncDisposable
{
    private readonly SafeFileHandle handle;
    private readonly long length;
    private readonly int blockSize;
    private readonly byte[][] blocks;
    private readonly long[] blockOffsets;
    private readonly int[] blockLengths;
    private Channel<int> free = Channel.CreateUnbounded<int>();
    private Channel<int> filled = Channel.CreateUnbounded<int>();
    private CancellationTokenSource? producerCancel;
    private Task producer = Task.CompletedTask;
    private int current = -1;
    private long nextBlockOffset = -1;
    private bool disposed;

    public ReadAheadReader(SafeFileHandle handle, long length, IderReadAheadOptions options)
    {
        this.handle = handle;
        this.length = length;
        blockSize = options.BlockSize;
        blocks = new byte[options.BlockCount][];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = GC.AllocateUninitializedArray<byte>(blockSize);
        }

        blockOffsets = new long[blocks.Length];
        blockLengths = new int[blocks.Length];
    }

    /// <summary>Restarts of the background reader so far: one per non-sequential jump.</summary>
    public int Restarts { get; private set; }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset + destination.Length > length)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), "read past the end of the image");
        }

        var position = offset;
        var done = 0;
        // Each turn copies from a block or moves to the next one; a request spans at most its length in blocks
        // plus one skip over the whole window and one restart.
        var turns = 2 * (destination.Length / blockSize + blocks.Length + 4);
        for (var turn = 0; done < destination.Length; turn++)
        {
            if (turn > turns)
            {
                throw new InvalidOperationException("read-ahead made no progress");
            }

            if (current >= 0 && position >= blockOffsets[current] && position < blockOffsets[current] + blockLengths[current])
            {
                var start = (int)(position - blockOffsets[current]);
                var count = Math.Min(blockLengths[current] - start, destination.Length - done);
                blocks[current].AsSpan(start, count).CopyTo(destination.Span[done..]);
                done += count;
                position += count;
                continue;
            }

            if (nextBlockOffset < 0 || position < nextBlockOffset || position >= nextBlockOffset + (long)blockSize * blocks.Length)
            {
                await RestartAsync(position).ConfigureAwait(false);
            }

            await NextBlockAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask NextBlockAsync(CancellationToken cancellationToken)
    {
        if (current >= 0)
        {
            free.Writer.TryWrite(current);
            current = -1;
        }

        try
        {
            current = await filled.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }

        nextBlockOffset = blockOffsets[current] + blockLengths[current];
    }

    private async ValueTask RestartAsync(long position)
    {
        await StopProducerAsync().ConfigureAwait(false);
        Restarts++;
        free = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        filled = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < blocks.Length; i++)
        {
            free.Writer.TryWrite(i);
        }

        current = -1;
        nextBlockOffset = position;
        producerCancel = new CancellationTokenSource();
        var (freeBlocks, filledBlocks, token) = (free, filled, producerCancel.Token);
        producer = Task.Run(() => ProduceAsync(position, freeBlocks, filledBlocks, token), CancellationToken.None);
    }

    private async Task ProduceAsync(long start, Channel<int> freeBlocks, Channel<int> filledBlocks, CancellationToken cancellationToken)
    {
        var offset = start;
        try
        {
            // Bounded by the file: every turn reads one block further.
            while (offset < length)
            {
                var index = await freeBlocks.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var count = (int)Math.Min(blockSize, length - offset);
                var read = 0;
                while (read < count)
                {
                    var n = await RandomAccess.ReadAsync(handle, blocks[index].AsMemory(read, count - read), offset + read, cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new EndOfStreamException($"the image ended at {offset + read} bytes while {length} were expected");
                    }

                    read += n;
                }

                blockOffsets[index] = offset;
                blockLengths[index] = count;
                filledBlocks.Writer.TryWrite(index);
                offset += count;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A restart or disposal stopped this reader; the consumer has moved on to new channels.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            filledBlocks.Writer.TryComplete(e);
        }
    }

    private async ValueTask StopProducerAsync()
    {
        if (producerCancel is null)
        {
            return;
        }

        await producerCancel.CancelAsync().ConfigureAwait(false);
        await producer.ConfigureAwait(false);
        producerCancel.Dispose();
        producerCancel = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await StopProducerAsync().ConfigureAwait(false);
    }
}
