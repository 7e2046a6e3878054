using SharpAmt.Transport;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>
/// How <see cref="KvmGatewayScreen"/> gets a lost KVM session back: a delay that doubles from
/// <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>, for at most <see cref="GiveUpAfter"/>.
/// </summary>
public sealed record KvmReconnectPolicy
{
    public static KvmReconnectPolicy Default { get; } = new();

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time from the loss after which the gateway stops trying and its viewers are disconnected; zero never reconnects.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Failures that retrying cannot fix, which end the gateway at once. By default a refused login: repeating it
    /// only brings AMT's lock-out closer.
    /// </summary>
    public Func<Exception, bool> IsFatal { get; init; } = static exception => exception is AmtAuthenticationException;

    /// <summary>The delay before attempt <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = InitialDelay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
