namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>What encoding 16 means on a connection: AMT's "RLE" or standard ZRLE; the number and tile scheme are shared.</summary>
public enum RfbTileDialect
{
    /// <summary>
    /// AMT (reference §6.6.4): full pixels, raw deflate, stored blocks unless zlib was switched on. Servers speaking it
    /// send 16 only for 8- and 16-bit pixels, the formats AMT offers; a viewer asking for 32-bit pixels is a standard
    /// one that would read 16 as ZRLE, so it gets RAW (real firmware's behaviour there is unconfirmed).
    /// </summary>
    Amt,

    /// <summary>RFC 6143 §7.7.6: CPIXELs, one zlib stream (with its header) for the connection, always compressed.</summary>
    Zrle,
}
