namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>The three servers one <see cref="RfbServer"/> plays.</summary>
public enum RfbServerFlavour
{
    /// <summary>Behind the redirection port's KVMR session (reference §6.6.1–6.6.8): banner 4.000, security None.</summary>
    AmtKvm,

    /// <summary>AMT's port 5900 (reference §6.6.9): the same server with VNC authentication and the RFBPassword.</summary>
    AmtPort5900,

    /// <summary>A standard RFB 3.8 server for ordinary viewers (the KVM gateway): 32-bit true colour, RAW.</summary>
    Standard,
}
