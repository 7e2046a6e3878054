namespace SharpAmt.Redirection.Ider.Device;

/// <summary>What the simulated host read from the emulated drive.</summary>
public sealed record AtapiHostReport
{
    /// <summary>ISO 9660 volume identifier from the primary volume descriptor (CD only; null for a floppy).</summary>
    public string? VolumeLabel { get; init; }

    public long Sectors { get; init; }

    public int SectorSize { get; init; }

    /// <summary>Bytes of the sequential whole-image pass.</summary>
    public long BytesRead { get; init; }

    /// <summary>SHA-256 of the whole image as read, lower-case hex (empty when not computed).</summary>
    public required string Sha256 { get; init; }

    /// <summary>LBA of the El Torito boot catalog, when the CD has a boot record.</summary>
    public long? BootCatalogLba { get; init; }

    /// <summary>LBA and length in bytes of the default El Torito boot image.</summary>
    public long? BootImageLba { get; init; }

    public int? BootImageLength { get; init; }

    /// <summary>Unit attentions the host went through before the drive was ready.</summary>
    public int UnitAttentions { get; init; }

    public int Commands { get; init; }
}
