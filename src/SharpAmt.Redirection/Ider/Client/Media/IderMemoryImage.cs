namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>A medium held in memory.</summary>
public sealed class IderMemoryImage(ReadOnlyMemory<byte> content) : IIderMedium
{
    public long Length => content.Length;

    public ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        content.Slice(checked((int)offset), destination.Length).CopyTo(destination);
        return ValueTask.CompletedTask;
    }
}
