using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

public sealed class KvmReconnectPolicyTests
{
    [Fact]
    public void The_delay_doubles_up_to_the_maximum()
    {
        var policy = KvmReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal([250, 500, 1000, 1000, 1000], Enumerable.Range(1, 5).Select(attempt => policy.DelayBefore(attempt).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBefore(10_000));
    }

    [Fact]
    public void Only_a_refused_login_is_fatal_by_default()
    {
        Assert.True(KvmReconnectPolicy.Default.IsFatal(new AmtAuthenticationException("h:16994", "admin", "refused")));
        Assert.False(KvmReconnectPolicy.Default.IsFatal(new IOException("reset")));
        Assert.False(KvmReconnectPolicy.Default.IsFatal(new TimeoutException()));
    }
}
