namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// The tile sub-encodings of encoding 16 (reference §6.6.4), for forcing one in tests and benches; the wire byte is
/// 0 (raw), 1 (solid), 2–16 (packed palette of that many colours), 128 (plain RLE) or 130–255 (palette RLE of
/// byte − 128 colours).
/// </summary>
public enum AmtRleTileKind
{
    /// <summary>The smallest that fits the tile.</summary>
    Auto,
    Raw,
    Solid,
    PackedPalette,
    PlainRle,
    PaletteRle,
}
