namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The removable medium a boot reads from: for IDE-R, the image the management console redirects. The host
/// console calls it when a boot goes to <see cref="BootDevice.IderCd"/> or <see cref="BootDevice.IderFloppy"/>
/// and prints what it returns, as a BIOS names the medium it boots.
/// </summary>
public interface IBootMedia
{
    /// <summary>
    /// Reads the boot medium for <paramref name="device"/>; null when there is none (no IDE-R session, or
    /// nothing bootable on it). Cancelled when the host powers off or resets.
    /// </summary>
    /// <exception cref="BootMediaException">The medium was there but reading it failed (the session dropped, a bad answer).</exception>
    ValueTask<BootMediaImage?> ReadAsync(BootDevice device, CancellationToken cancellationToken = default);
}

/// <summary>What the host read from a boot medium: its volume label, its size and its SHA-256 (hex).</summary>
public sealed record BootMediaImage(string Label, long Length, string Sha256);

/// <summary>Reading a boot medium failed part way; the message is one line for the console.</summary>
public sealed class BootMediaException : Exception
{
    public BootMediaException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
