namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// A picture with a keyboard and a mouse, as an RFB server serves it: the simulated machine's monitor behind AMT's
/// KVM and port 5900, or, in the gateway, the device's screen as the KVM client last decoded it. Pixels are
/// 0x00RRGGBB, row-major, whatever pixel format the viewer asked for; the server converts.
/// </summary>
public interface IRfbScreen
{
    /// <summary>The picture's size now; it changes when the host switches mode (text mode to desktop).</summary>
    RfbScreenSize Size { get; }

    /// <summary>Grows by at least one whenever the picture or its size changes.</summary>
    long Version { get; }

    /// <summary>
    /// Copies the whole picture into <paramref name="destination"/> (at least width × height pixels of the size
    /// returned in <paramref name="size"/>; a destination too small for the current size gets nothing and the size
    /// alone) and returns the version copied.
    /// </summary>
    long CopyTo(Span<uint> destination, out RfbScreenSize size);

    /// <summary>Completes once <see cref="Version"/> differs from <paramref name="version"/>.</summary>
    Task WaitForChangeAsync(long version, CancellationToken cancellationToken);

    /// <summary>A key went down or up; X11 keysyms (reference section 6.6.6).</summary>
    void Key(uint keysym, bool down);

    /// <summary>The pointer moved or its buttons changed; coordinates in pixels of the current size.</summary>
    void Pointer(int x, int y, RfbPointerButtons buttons);
}

/// <summary>Width and height in pixels.</summary>
public readonly record struct RfbScreenSize(int Width, int Height)
{
    public int Pixels => Width * Height;
}

/// <summary>The RFB PointerEvent button mask: buttons 1–3 and the wheel as buttons 4 and 5.</summary>
[Flags]
public enum RfbPointerButtons : byte
{
    None = 0,
    Left = 0x01,
    Middle = 0x02,
    Right = 0x04,
    WheelUp = 0x08,
    WheelDown = 0x10,
}
