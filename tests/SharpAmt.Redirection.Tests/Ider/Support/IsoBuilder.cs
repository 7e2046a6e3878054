using System.Diagnostics;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>Builds a real bootable ISO with Debian's genisoimage, or xorriso's mkisofs emulation.</summary>
internal static class IsoBuilder
{
    /// <summary>
    /// Writes <paramref name="files"/> and a <c>boot.img</c> of <paramref name="bootImage"/> under a tree and makes
    /// an El Torito no-emulation ISO of it labelled <paramref name="label"/>.
    /// </summary>
    public static async Task<string> BuildAsync(TempFiles temp, string label, byte[] bootImage, IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(temp.Root, "tree");
        Directory.CreateDirectory(tree);
        await File.WriteAllBytesAsync(Path.Combine(tree, "boot.img"), bootImage, cancellationToken);
        foreach (var (name, content) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(tree, name), content, cancellationToken);
        }

        var iso = Path.Combine(temp.Root, "image.iso");
        string[] arguments = ["-quiet", "-o", iso, "-V", label, "-b", "boot.img", "-no-emul-boot", "-boot-load-size", "4", "-c", "boot.cat", tree];
        var (tool, prefix) = File.Exists("/usr/bin/genisoimage") ? ("/usr/bin/genisoimage", Array.Empty<string>())
            : File.Exists("/usr/bin/xorriso") ? ("/usr/bin/xorriso", ["-as", "mkisofs"])
            : throw new InvalidOperationException("neither genisoimage nor xorriso is installed (apt-get install genisoimage xorriso)");
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {await errors}");
        }

        return iso;
    }
}
