using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A VNC password file as <c>vncpasswd</c> writes it and TigerVNC's -PasswordFile and vncsnapshot's -passwd read
/// it: the password's first 8 bytes, zero-padded, DES-encrypted (ECB) under the fixed key every VNC implementation
/// shares. That key is {23, 82, 107, 6, 35, 78, 88, 7} in VNC's own DES, which reverses the bits of each key byte;
/// standard DES needs the reversed bytes. The file is only obfuscated, so it lives in a private directory (0700)
/// with mode 0600, and the password never appears on a command line. Disposing deletes it.
/// </summary>
internal sealed class VncPasswordFile : IDisposable
{
    private static readonly byte[] ObfuscationKey = [0xE8, 0x4A, 0xD6, 0x60, 0xC4, 0x72, 0x1A, 0xE0];

    private readonly string _directory;

    private VncPasswordFile(string directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    public string Path { get; }

    public static VncPasswordFile Write(string password)
    {
        var directory = Directory.CreateTempSubdirectory("sharpamt-vnc-");
        var path = System.IO.Path.Combine(directory.FullName, "passwd");
        // The directory is already private (0700); the file is narrowed before anything is written to it.
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            file.Write(Obfuscate(password));
        }

        return new VncPasswordFile(directory.FullName, path);
    }

    /// <summary>The 8 bytes of the file for <paramref name="password"/>.</summary>
    public static byte[] Obfuscate(string password)
    {
        var plain = new byte[8];
        var bytes = Encoding.Latin1.GetBytes(password);
        bytes.AsSpan(0, Math.Min(8, bytes.Length)).CopyTo(plain);
        using var des = DES.Create();
        des.Key = ObfuscationKey;
        return des.EncryptEcb(plain, PaddingMode.None);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
