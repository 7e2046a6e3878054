namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>Encoding numbers as SetEncodings and rectangle headers carry them (BE32, signed for pseudo-encodings).</summary>
public enum RfbEncoding
{
    /// <summary>w × h pixels; AMT requires it in every SetEncodings list.</summary>
    Raw = 0,

    /// <summary>
    /// AMT's "RLE" (reference §6.6.4): ZRLE's number and tile scheme with full pixel values and raw deflate data,
    /// stored blocks unless zlib was switched on. Standard viewers read 16 as ZRLE (RFC 6143 §7.7.6), which a standard
    /// server sends instead; <see cref="RfbTileDialect"/> says which one a connection speaks.
    /// </summary>
    AmtRle = 16,

    /// <summary>MeshCommander lists it when its data channel is built in; it carries no pixels.</summary>
    KvmDataChannel = 1092,

    /// <summary>Pseudo-encoding: the rectangle's width and height are the new screen size.</summary>
    DesktopSize = -223,
}
