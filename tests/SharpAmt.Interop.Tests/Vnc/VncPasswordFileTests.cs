using SharpAmt.Interop.Tests.Vnc.Support;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>The harness's password file is byte for byte what TigerVNC's <c>vncpasswd -f</c> writes.</summary>
public sealed class VncPasswordFileTests
{
    [Theory]
    // Recorded from TigerVNC 1.12's `printf '%s' PASSWORD | vncpasswd -f`.
    [InlineData("Vnc!pw12", "C8979ED62009708E")]
    [InlineData("secret", "2E2DBF576EB06C9E")]
    [InlineData("Ab1!xyzQ9", "9CFC8A8D8D90068F")] // only the first 8 characters count
    public void The_file_matches_vncpasswd(string password, string expected)
    {
        using var file = VncPasswordFile.Write(password);

        Assert.Equal(expected, Convert.ToHexString(File.ReadAllBytes(file.Path)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        }
    }
}
