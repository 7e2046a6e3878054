namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>What happened to the gateway's KVM session.</summary>
public enum KvmGatewayEventKind
{
    /// <summary>The device ended the session; viewers keep the last picture while the gateway reconnects.</summary>
    Lost,

    /// <summary>A reconnection attempt failed; another follows after the policy's delay.</summary>
    AttemptFailed,

    /// <summary>A new session serves the viewers again.</summary>
    Reconnected,

    /// <summary>The gateway stopped trying (time limit or a failure retrying cannot fix); viewers are disconnected.</summary>
    GaveUp,
}

/// <param name="Kind">What happened.</param>
/// <param name="Attempt">The reconnection attempt it concerns; 0 for <see cref="KvmGatewayEventKind.Lost"/>.</param>
/// <param name="Message">One line for a person, without secrets.</param>
/// <param name="Error">The failure behind it, if any.</param>
public sealed record KvmGatewayEvent(KvmGatewayEventKind Kind, int Attempt, string Message, Exception? Error = null);
