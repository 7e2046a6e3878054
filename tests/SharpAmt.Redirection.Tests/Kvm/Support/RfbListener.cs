using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>An <see cref="RfbServer"/> straight on a loopback port (AMT's 5900, or a standard server), one viewer at a time.</summary>
internal sealed class RfbListener : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<Task<RfbSessionEnd>> _sessions = [];

    public RfbListener(IRfbScreen screen, RfbServerOptions options)
    {
        Address = KvmTestAddresses.Next();
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(Address, 5900));
        _listener.Listen(8);
        _accepting = AcceptAsync(screen, options);
    }

    public IPAddress Address { get; }

    public string Endpoint => $"{Address}:5900";

    /// <summary>How each finished connection ended, in order of acceptance.</summary>
    public async Task<RfbSessionEnd> EndOfAsync(int index)
    {
        Task<RfbSessionEnd> session;
        lock (_sessions)
        {
            session = _sessions[index];
        }

        return await session.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Address, 5900));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(IRfbScreen screen, RfbServerOptions options)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            lock (_sessions)
            {
                _sessions.Add(ServeAsync(client, screen, options));
            }
        }
    }

    private async Task<RfbSessionEnd> ServeAsync(Socket client, IRfbScreen screen, RfbServerOptions options)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        return await RfbServer.ServeAsync(stream, screen, options, _stopping.Token);
    }
}
