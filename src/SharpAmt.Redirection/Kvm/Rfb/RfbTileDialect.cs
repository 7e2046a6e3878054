namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>What encoding 16 means on a connection: AMT's "RLE" or standard ZRLE; the number and tile scheme are shared.</summary>
public enum RfbTileDialect
{
    /// <summary>AMT (reference §6.6.4): full pixels, raw deflate, stored blocks unless zlib was switched on.</summary>
    Amt,

    /// <summary>RFC 6143 §7.7.6: CPIXELs, one zlib stream (with its header) for the connection, always compressed.</summary>
    Zrle,
}
