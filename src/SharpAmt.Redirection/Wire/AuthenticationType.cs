namespace SharpAmt.Redirection.Wire;

/// <summary>authType of 0x13/0x14 (reference section 6.3).</summary>
public enum AuthenticationType : byte
{
    /// <summary>Asks which types the device accepts.</summary>
    Query = 0,

    /// <summary>User and password in clear: the only type Debian's amtterm 1.4 knows.</summary>
    Plain = 1,

    Kerberos = 2,

    /// <summary>Digest without cnonce and qop (RFC 2069).</summary>
    Digest = 3,

    /// <summary>Digest with qop auth (RFC 2617): what real AMT offers and MeshCommander uses.</summary>
    DigestWithQop = 4,
}
