using System.Net;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>Where <see cref="KvmGateway"/> listens and what it asks of viewers.</summary>
public sealed record KvmGatewayOptions
{
    /// <summary>The local address and port viewers connect to; port 0 picks a free one (see <see cref="KvmGateway.Endpoint"/>).</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>VNC authentication with this password (first 8 characters count); null offers security None.</summary>
    public string? VncPassword { get; init; }

    /// <summary>Viewers served at once; one more is refused by closing its connection.</summary>
    public int MaxViewers { get; init; } = 8;

    /// <summary>The desktop name viewers show.</summary>
    public string Name { get; init; } = "SharpAMT KVM gateway";

    /// <summary>Viewers see the screen but their keys and pointer do not reach the device.</summary>
    public bool ViewOnly { get; init; }

    /// <summary>Told when a viewer comes or goes and why a connection ended, in words for a person.</summary>
    public Action<string>? Log { get; init; }
}
