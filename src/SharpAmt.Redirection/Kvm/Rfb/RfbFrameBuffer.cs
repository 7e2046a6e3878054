namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>A picture of 0x00RRGGBB pixels, row-major: what a viewer decodes into and what a server captures into.</summary>
public sealed class RfbFrameBuffer
{
    public RfbFrameBuffer(int width, int height)
    {
        Resize(width, height);
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public RfbScreenSize Size => new(Width, Height);

    public uint[] Pixels { get; private set; } = [];

    public RfbRectangle Bounds => new(0, 0, Width, Height);

    /// <summary>Changes the size; the picture becomes black.</summary>
    public void Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        if (Pixels.Length != width * height)
        {
            Pixels = new uint[width * height];
        }
        else
        {
            Array.Clear(Pixels);
        }
    }
}
