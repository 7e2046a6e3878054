using Microsoft.Win32.SafeHandles;

namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>
/// An ISO or floppy image on disk. <see cref="Open"/> checks it before any session starts, so a bad path or size is
/// one clear line for the user rather than a host that hangs at boot; reads are served by a background read-ahead.
/// </summary>
public sealed class IderImageFile : IIderMedium, IAsyncDisposable
{
    private readonly SafeFileHandle handle;
    private readonly ReadAheadReader reader;

    private IderImageFile(string path, AtapiDeviceKind kind, SafeFileHandle handle, long length, IderReadAheadOptions options)
    {
        Path = path;
        Kind = kind;
        this.handle = handle;
        Length = length;
        reader = new ReadAheadReader(handle, length, options);
    }

    public string Path { get; }

    public AtapiDeviceKind Kind { get; }

    public long Length { get; }

    public long Sectors => Length / Kind.SectorSize();

    /// <summary>
    /// Opens and validates an image: it must exist, be a readable regular file, and hold a whole, non-zero number of
    /// sectors (2048 bytes for a CD, 512 for a floppy). Throws <see cref="IderImageException"/> otherwise.
    /// </summary>
    public static IderImageFile Open(string path, AtapiDeviceKind kind, IderReadAheadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= IderReadAheadOptions.Default;
        if (options.BlockSize <= 0 || options.BlockCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "read-ahead block size and count must be positive");
        }

        if (Directory.Exists(path))
        {
            throw new IderImageException($"{path}: is a directory, not a {kind.Describe()} image");
        }

        if (!File.Exists(path))
        {
            throw new IderImageException($"{path}: no such file");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IderImageException($"{path}: cannot be read: {e.Message}", e);
        }

        try
        {
            var length = RandomAccess.GetLength(handle);
            var sector = kind.SectorSize();
            if (length == 0)
            {
                throw new IderImageException($"{path}: the image is empty");
            }

            if (length % sector != 0)
            {
                throw new IderImageException($"{path}: {length} bytes is not a whole number of {sector}-byte {kind.Describe()} sectors");
            }

            // Reading the first sector now catches files that open but cannot be read (a FIFO, a bad disk).
            Span<byte> probe = stackalloc byte[1];
            if (RandomAccess.Read(handle, probe, 0) != 1)
            {
                throw new IderImageException($"{path}: cannot be read");
            }

            return new IderImageFile(path, kind, handle, length, options);
        }
        catch (Exception e)
        {
            handle.Dispose();
            if (e is IOException or UnauthorizedAccessException)
            {
                throw new IderImageException($"{path}: cannot be read: {e.Message}", e);
            }

            throw;
        }
    }

    public ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default) =>
        reader.ReadAsync(offset, destination, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync().ConfigureAwait(false);
        handle.Dispose();
    }
}
