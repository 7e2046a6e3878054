namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>What vncsnapshot produced: the picture (decoded from its JPEG by djpeg) and what it printed.</summary>
internal sealed record VncSnapshotResult(int ExitCode, RgbImage? Picture, string Output);

/// <summary>
/// vncsnapshot (a TightVNC 1.2 / RealVNC 3.3 client): connects, takes one whole-screen update in RAW, writes it as a
/// JPEG at quality 100, and exits. JPEG is lossy, so callers compare with a tolerance. Any server, any password.
/// </summary>
internal static class VncSnapshot
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<VncSnapshotResult> TakeAsync(string host, int port, VncPasswordFile? passwordFile, CancellationToken cancellationToken)
    {
        VncTools.Require(VncTools.VncSnapshot);
        VncTools.Require(VncTools.Djpeg);
        var directory = Directory.CreateTempSubdirectory("sharpamt-vncsnapshot-");
        try
        {
            var jpeg = Path.Combine(directory.FullName, "snapshot.jpg");
            var arguments = new List<string> { "-encodings", "raw", "-quality", "100", "-nocursor", "-verbose" };
            if (passwordFile is not null)
            {
                arguments.AddRange(["-passwd", passwordFile.Path]);
            }

            arguments.AddRange([$"{host}::{port}", jpeg]);
            var environment = new Dictionary<string, string> { ["HOME"] = directory.FullName };
            var snapshot = await ExternalProgram.RunAsync(VncTools.VncSnapshot, arguments, Limit, cancellationToken, environment);
            if (snapshot.ExitCode != 0 || !File.Exists(jpeg))
            {
                return new VncSnapshotResult(snapshot.ExitCode, null, snapshot.Text());
            }

            var decoded = await ExternalProgram.RunAsync(VncTools.Djpeg, ["-pnm", jpeg], Limit, cancellationToken);
            if (decoded.ExitCode != 0)
            {
                throw new InvalidOperationException($"djpeg could not read vncsnapshot's JPEG: {decoded.Errors}");
            }

            return new VncSnapshotResult(snapshot.ExitCode, NetpbmImage.Read(decoded.Output), snapshot.Text());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
