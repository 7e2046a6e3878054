using SharpAmt.Testing;
using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

/// <summary>One real sshd for the relay tests of this project, started once.</summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private OpenSshServer? _server;

    public OpenSshServer Server
    {
        get
        {
            Assert.SkipWhen(OpenSshServer.MissingReason is not null, $"no OpenSSH here: {OpenSshServer.MissingReason}");
            return _server!;
        }
    }

    /// <summary>A relay through this server, for the account whose key it accepts.</summary>
    public SshRelay Relay(string? config = null, TimeSpan? startTimeout = null) =>
        new(SshRelayTarget.Parse(Server.Target), new SshRelayOptions { ConfigFile = config ?? Server.ClientConfig, StartTimeout = startTimeout });

    public async ValueTask InitializeAsync()
    {
        if (OpenSshServer.MissingReason is null)
        {
            _server = await OpenSshServer.StartAsync(RelayAddresses.Server, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
