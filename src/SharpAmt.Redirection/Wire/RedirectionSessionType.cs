namespace SharpAmt.Redirection.Wire;

/// <summary>What one redirection connection carries; chosen by the tag of 0x10.</summary>
public enum RedirectionSessionType
{
    Sol,
    Ider,
    Kvm,
}
