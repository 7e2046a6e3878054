using System.Threading.Channels;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>
/// A device side a test drives by hand: every message the client sends is recorded as hex, and the test sends
/// exact bytes back. It tests the client against device behaviour the real device side never shows.
/// </summary>
internal sealed class ScriptedIderFeature : IRedirectionDeviceFeature
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource<RedirectionChannel> _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RedirectionStatus CanStart() => RedirectionStatus.Success;

    public async Task RunAsync(RedirectionChannel channel, CancellationToken cancellationToken)
    {
        channel.Table = IderFrames.Table;
        _attached.TrySetResult(channel);
        try
        {
            while (await channel.ReadAsync(cancellationToken) is { } frame)
            {
                await _received.Writer.WriteAsync(Convert.ToHexString(frame.Bytes), cancellationToken);
            }
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    /// <summary>The next message from the client, as upper-case hex; null when it closed. At most 10 s.</summary>
    public async Task<string?> NextAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        return await _received.Reader.WaitToReadAsync(limit.Token) && _received.Reader.TryRead(out var hex) ? hex : null;
    }

    public async Task SendAsync(string hex, CancellationToken cancellationToken)
    {
        var channel = await _attached.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        await channel.SendEncodedAsync(bytes, (RedirectionMessageType)bytes[0], cancellationToken);
    }

    /// <summary>Closes the connection from the device side.</summary>
    public async Task DropAsync() => await (await _attached.Task).DisposeAsync();
}
