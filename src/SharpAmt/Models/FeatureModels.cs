namespace SharpAmt;

/// <summary>Redirection features: the 16994/16995 listener, SOL, IDE-R, and KVM (null when the device has no KVM).</summary>
public sealed record RedirectionFeatures(bool Listener, bool Sol, bool Ider, bool? Kvm);

/// <summary>Features to change; null leaves one as it is.</summary>
public sealed record RedirectionFeatureChange(bool? Listener = null, bool? Sol = null, bool? Ider = null, bool? Kvm = null)
{
    public bool IsEmpty => Listener is null && Sol is null && Ider is null && Kvm is null;
}
