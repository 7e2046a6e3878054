using System.Buffers.Binary;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// Everything the client sends goes through here, one sender at a time, so that its sequence numbers follow the
/// order on the wire. The answer to a command is gathered into batches of about
/// <see cref="IderSessionOptions.WriteBatchSize"/> bytes, one write each: a 1 MiB read becomes four writes instead
/// of 128. Single messages (0x47, pongs, heartbeats, the end) are written alone.
/// </summary>
internal sealed class IderClientWriter : IIderFrameSink, IDisposable
{
    private readonly RedirectionChannel _channel;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly int _batchLimit;
    private readonly byte[] _buffer;
    private int _used;
    private RedirectionMessageType _last;
    private uint _sequence;

    public IderClientWriter(RedirectionChannel channel, int batchSize, uint firstSequence)
    {
        _channel = channel;
        _batchLimit = Math.Max(1, batchSize);
        _buffer = GC.AllocateUninitializedArray<byte>(_batchLimit + IderFrames.MaxMessageLength);
        _sequence = firstSequence;
    }

    /// <summary>Takes the writer for the answer to one command; <see cref="EndAnswerAsync"/> sends what is left and gives it back.</summary>
    public Task BeginAnswerAsync(CancellationToken cancellationToken) => _lock.WaitAsync(cancellationToken);

    public async ValueTask EndAnswerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _used = 0;
            _lock.Release();
        }
    }

    public uint NextSequence() => _sequence++;

    public Memory<byte> GetBuffer(int size) => _buffer.AsMemory(_used, size);

    public ValueTask SendAsync(int size, CancellationToken cancellationToken = default)
    {
        _last = (RedirectionMessageType)_buffer[_used];
        _used += size;
        return _used >= _batchLimit ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends one message alone, numbered with the next sequence number.</summary>
    public async ValueTask SendAloneAsync<T>(T message, CancellationToken cancellationToken) where T : struct, IIderMessage<T>
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var size = message.Write(_buffer);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(4), NextSequence());
            await _channel.SendEncodedAsync(_buffer.AsMemory(0, size), (RedirectionMessageType)_buffer[0], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
        {
            return;
        }

        var length = _used;
        _used = 0;
        await _channel.SendEncodedAsync(_buffer.AsMemory(0, length), _last, cancellationToken).ConfigureAwait(false);
    }
}
