using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Tests.Support;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>An <see cref="RfbServer"/> straight on a loopback port (AMT's 5900, or a standard server), one viewer at a time.</summary>
internal sealed class RfbListener : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly List<Task<RfbSessionEnd>> _sessions = [];

    public RfbListener(IRfbScreen screen, RfbServerOptions options)
    {
        _server = new LoopbackServer(KvmTestAddresses.Next(), 5900, (stream, cancellation) =>
        {
            var session = RfbServer.ServeAsync(stream, screen, options, cancellation);
            lock (_sessions)
            {
                _sessions.Add(session);
            }

            return session;
        });
    }

    public IPAddress Address => _server.Address;

    public string Endpoint => _server.Endpoint;

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

    public Task<NetworkStream> ConnectAsync() => _server.ConnectAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
