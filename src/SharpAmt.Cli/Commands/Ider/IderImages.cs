using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;

namespace SharpAmt.Cli.Commands.Ider;

/// <summary>
/// The images of <c>amt ider</c>, opened and checked before any connection: a missing, unreadable or empty file, or
/// one that is not whole sectors (2048 bytes for a CD, 512 for a floppy), is a usage error naming the file.
/// </summary>
internal sealed class IderImages : IAsyncDisposable
{
    private IderImages(IderImageFile? cdrom, IderImageFile? floppy)
    {
        Cdrom = cdrom;
        Floppy = floppy;
    }

    public IderImageFile? Cdrom { get; }

    public IderImageFile? Floppy { get; }

    public static IderImages Open(string? cdPath, string? floppyPath)
    {
        if (cdPath is null && floppyPath is null)
        {
            throw new UsageException("amt ider needs an image to serve: --cd FILE.iso and/or --floppy FILE.img");
        }

        var cdrom = cdPath is null ? null : OpenOne(cdPath, AtapiDeviceKind.Cdrom);
        try
        {
            return new IderImages(cdrom, floppyPath is null ? null : OpenOne(floppyPath, AtapiDeviceKind.Floppy));
        }
        catch
        {
            cdrom?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private static IderImageFile OpenOne(string path, AtapiDeviceKind kind)
    {
        try
        {
            return IderImageFile.Open(path, kind);
        }
        catch (IderImageException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Cdrom is not null)
        {
            await Cdrom.DisposeAsync();
        }

        if (Floppy is not null)
        {
            await Floppy.DisposeAsync();
        }
    }
}
