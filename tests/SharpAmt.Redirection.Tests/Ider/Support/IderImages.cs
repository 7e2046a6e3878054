using System.Security.Cryptography;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>Images the IDE-R session tests serve: a bootable ISO built by genisoimage/xorriso, and floppies of random sectors.</summary>
internal static class IderImages
{
    /// <summary>A bootable ISO of about <paramref name="payloadBytes"/> bytes of random content, labelled <paramref name="label"/>.</summary>
    public static async Task<string> IsoAsync(TempFiles temp, string label, int payloadBytes, CancellationToken cancellationToken)
    {
        var boot = new byte[2048];
        Random.Shared.NextBytes(boot);
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        return await IsoBuilder.BuildAsync(temp, label, boot, new Dictionary<string, byte[]> { ["payload.bin"] = payload }, cancellationToken);
    }

    /// <summary>A 1.44 MB floppy image of random sectors.</summary>
    public static string Floppy(TempFiles temp, int sectors = 2880)
    {
        var content = new byte[sectors * 512];
        Random.Shared.NextBytes(content);
        return temp.Write("floppy.img", content);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
