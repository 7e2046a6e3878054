namespace SharpAmt.Redirection.Kvm.Device;

/// <summary>Why the device will not start a KVM session now; <see cref="None"/> lets it start.</summary>
public enum KvmStartRefusal
{
    None,

    /// <summary>KVM is disabled (AMT_RedirectionService / IPS_KVMRedirectionSettingData) or absent on this SKU.</summary>
    Disabled,

    /// <summary>The consent policy requires user consent for KVM and it has not been granted (reference §4.4, §6.6.7).</summary>
    ConsentRequired,
}
