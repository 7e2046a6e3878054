using SharpAmt.Transport;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>The gateway lost its KVM session and could not get it back; <see cref="Exception.InnerException"/> says why.</summary>
public sealed class KvmGatewayClosedException : AmtException
{
    public KvmGatewayClosedException(Exception reason)
        : base("the KVM gateway stopped: " + reason.Message, reason)
    {
    }
}
