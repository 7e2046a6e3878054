using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// The programs the VNC interop tests drive, each with the Debian package that ships it. A missing one fails the
/// test with the package to install: the test must not pass without having talked to the real program.
/// </summary>
internal static class VncTools
{
    public const string Xvfb = "/usr/bin/Xvfb";
    public const string VncViewer = "/usr/bin/vncviewer";
    public const string Xwd = "/usr/bin/xwd";
    public const string XdoTool = "/usr/bin/xdotool";
    public const string VncSnapshot = "/usr/bin/vncsnapshot";
    public const string Djpeg = "/usr/bin/djpeg";

    private static readonly Dictionary<string, string> Packages = new()
    {
        [Xvfb] = "xvfb",
        [VncViewer] = "tigervnc-viewer",
        [Xwd] = "x11-apps",
        [XdoTool] = "xdotool",
        [VncSnapshot] = "vncsnapshot",
        [Djpeg] = "libjpeg-turbo-progs",
    };

    /// <summary>Fails the test unless <paramref name="path"/> exists, naming the package that provides it.</summary>
    public static string Require(string path)
    {
        Assert.True(File.Exists(path), $"{path} is not installed; install the Debian package {Packages[path]} (.ci/run installs it)");
        return path;
    }
}
