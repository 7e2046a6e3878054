namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>Which encodings a <see cref="TigerVncViewer"/> asks for.</summary>
public enum TigerVncEncodings
{
    /// <summary>RAW preferred and automatic selection off, so the picture arrives exactly as the server has it.</summary>
    Raw,

    /// <summary>Whatever the viewer asks for out of the box (Tight first, automatic selection on).</summary>
    Default,

    /// <summary>RAW in 8-bit colour (256 colours, BGR233), automatic selection off: a low-colour viewer.</summary>
    Raw8Bit,

    /// <summary>RAW in TigerVNC's lowest colour level (8 colours, one bit a channel, in 8-bit pixels), automatic selection off.</summary>
    Raw8Colours,
}

/// <summary>
/// TigerVNC's vncviewer, full screen on an <see cref="XvfbDisplay"/> sized to the remote desktop, so the X screen
/// shows the remote frame buffer pixel for pixel from (0, 0). Any server, any password: the gateway tests point it at
/// the gateway the same way. It logs to stderr (kept in <see cref="Log"/>), exits on a fatal error instead of opening
/// a dialog, and keeps its settings in a private HOME so nothing from an earlier run leaks in.
/// </summary>
internal sealed class TigerVncViewer : IAsyncDisposable
{
    private readonly BackgroundProgram _program;
    private readonly string _home;

    private TigerVncViewer(BackgroundProgram program, string home, XvfbDisplay display)
    {
        _program = program;
        _home = home;
        Display = display;
    }

    public XvfbDisplay Display { get; }

    /// <summary>The viewer's log so far: its handshake, pixel format and encoding choices, and why it stopped.</summary>
    public string Log => _program.Output;

    public bool HasExited => _program.HasExited;

    public int ExitCode => _program.ExitCode;

    /// <param name="host">The server's address.</param>
    /// <param name="port">The server's TCP port (5900 for AMT's port, whatever the gateway listens on).</param>
    /// <param name="passwordFile">For VNC authentication; null when the server offers None.</param>
    public static TigerVncViewer Start(XvfbDisplay display, string host, int port, VncPasswordFile? passwordFile, TigerVncEncodings encodings)
    {
        VncTools.Require(VncTools.VncViewer);
        var home = Directory.CreateTempSubdirectory("sharpamt-vncviewer-").FullName;
        var arguments = new List<string>
        {
            "-display", display.Name,
            "-FullScreen",
            "-RemoteResize=0",
            "-AlertOnFatalError=0",
            "-ReconnectOnError=0",
            "-SecurityTypes", "VncAuth,None",
            "-Log", "*:stderr:30",
        };
        if (passwordFile is not null)
        {
            arguments.AddRange(["-PasswordFile", passwordFile.Path]);
        }

        switch (encodings)
        {
            case TigerVncEncodings.Raw:
                arguments.AddRange(["-PreferredEncoding", "raw", "-AutoSelect=0", "-FullColor"]);
                break;
            case TigerVncEncodings.Raw8Bit:
                arguments.AddRange(["-PreferredEncoding", "raw", "-AutoSelect=0", "-FullColor=0", "-LowColorLevel", "2"]);
                break;
            case TigerVncEncodings.Raw8Colours:
                arguments.AddRange(["-PreferredEncoding", "raw", "-AutoSelect=0", "-FullColor=0", "-LowColorLevel", "0"]);
                break;
        }

        arguments.Add($"{host}::{port}");
        var environment = new Dictionary<string, string>(display.Environment) { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_DATA_HOME"] = home };
        return new TigerVncViewer(BackgroundProgram.Start(VncTools.VncViewer, arguments, environment), home, display);
    }

    public Task<bool> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken) => _program.WaitForExitAsync(limit, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _program.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }
}
