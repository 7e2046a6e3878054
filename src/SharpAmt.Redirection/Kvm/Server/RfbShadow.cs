using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>
/// The picture as the viewer has it: what was last sent, at the viewer's size. A tile is sent again only when the
/// screen differs from this copy there. After a resize it holds a value no 0x00RRGGBB pixel has, so everything differs.
/// </summary>
internal sealed class RfbShadow
{
    private const uint Unknown = 0xFF00_0000;

    public RfbFrameBuffer Picture { get; } = new(0, 0);

    public void Reset(int width, int height)
    {
        Picture.Resize(width, height);
        Array.Fill(Picture.Pixels, Unknown);
    }

    public bool Differs(ReadOnlySpan<uint> screen, int stride, RfbRectangle area)
    {
        var shadow = Picture.Pixels.AsSpan();
        for (var y = area.Y; y < area.Bottom; y++)
        {
            if (!screen.Slice((y * stride) + area.X, area.Width).SequenceEqual(shadow.Slice((y * Picture.Width) + area.X, area.Width)))
            {
                return true;
            }
        }

        return false;
    }

    public void Remember(ReadOnlySpan<uint> screen, int stride, RfbRectangle area)
    {
        var shadow = Picture.Pixels.AsSpan();
        for (var y = area.Y; y < area.Bottom; y++)
        {
            screen.Slice((y * stride) + area.X, area.Width).CopyTo(shadow.Slice((y * Picture.Width) + area.X, area.Width));
        }
    }
}
