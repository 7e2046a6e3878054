namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>The bytes behind an emulated disk: an image file, or memory in tests.</summary>
public interface IIderMedium
{
    /// <summary>Size in bytes, a whole number of sectors of the device it is inserted in.</summary>
    long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; the range lies inside the medium.</summary>
    ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default);
}
