using SharpAmt.Redirection.Ider.Client.Media;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>A medium whose first read at or past <c>gateAt</c> waits until the test opens the gate, so a test can act while a read is outstanding.</summary>
internal sealed class GatedMedium(IIderMedium inner, long gateAt) : IIderMedium
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Length => inner.Length;

    /// <summary>Completes when a read reached the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _gate.TrySetResult();

    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (offset >= gateAt && !_gate.Task.IsCompleted)
        {
            _reached.TrySetResult();
            await _gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        await inner.ReadAsync(offset, destination, cancellationToken);
    }
}
