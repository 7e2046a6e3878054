using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>A scripted device built from the shared codec: accepts any login, starts SOL, then reports what the client sends.</summary>
internal sealed class FakeDevice : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task<List<SolSignal>> _serving;
    private RedirectionChannel? _channel;

    private FakeDevice(Socket listener, IPAddress address, int heartbeats)
    {
        _listener = listener;
        Address = address;
        _serving = ServeAsync(heartbeats, _stopping.Token);
    }

    public IPAddress Address { get; }

    /// <summary>Starts serving one client that must send <paramref name="heartbeats"/> heartbeats.</summary>
    public static Task<FakeDevice> StartAsync(int heartbeats, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var address = TestAddresses.Next();
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 16994));
        listener.Listen(1);
        return Task.FromResult(new FakeDevice(listener, address, heartbeats));
    }

    public Task<List<SolSignal>> HeartbeatsAsync(CancellationToken cancellationToken) => _serving.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);

    private async Task<List<SolSignal>> ServeAsync(int count, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var socket = await _listener.AcceptAsync(limit.Token);
        _channel = new RedirectionChannel(new NetworkStream(socket, ownsSocket: true), "client", RedirectionFrameTable.Sol);
        await ExpectAsync(RedirectionMessageType.StartRedirectionSession, limit.Token);
        await _channel.SendAsync(new StartRedirectionSessionReply(RedirectionStatus.Success, 12, 0), limit.Token);
        await ExpectAsync(RedirectionMessageType.AuthenticateSession, limit.Token);
        await _channel.SendAsync(AuthenticationMessage.Reply(AuthenticationStatus.Success, AuthenticationType.Plain), limit.Token);
        await ExpectAsync(RedirectionMessageType.StartSolRedirection, limit.Token);
        await _channel.SendAsync(new StartSolRedirectionReply(RedirectionStatus.Success), limit.Token);
        var heartbeats = new List<SolSignal>();
        for (var i = 0; i < 100 && heartbeats.Count < count; i++)
        {
            var frame = await _channel.ReadAsync(limit.Token);
            if (frame is { Type: RedirectionMessageType.SolHeartbeat } heartbeat)
            {
                heartbeats.Add(SolSignal.Read(heartbeat));
            }
        }

        return heartbeats;
    }

    private async Task ExpectAsync(RedirectionMessageType type, CancellationToken cancellationToken)
    {
        var frame = await _channel!.ReadAsync(cancellationToken);
        if (frame?.Type != type)
        {
            throw new InvalidOperationException($"expected 0x{(byte)type:X2}, got {frame?.Type}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _serving;
        }
        catch (Exception)
        {
            // What went wrong shows in the test's own assertions.
        }

        _stopping.Dispose();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _listener.Dispose();
    }
}
