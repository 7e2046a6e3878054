using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>A synthetic monitor: a test pattern that tests change, resize, and the keys and pointer events it got.</summary>
internal sealed class TestScreen : IRfbScreen
{
    private readonly Lock _sync = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint[] _pixels = [];
    private RfbScreenSize _size;
    private long _version;

    public TestScreen(int width, int height, int seed = 1)
    {
        Fill(width, height, seed);
    }

    public List<(uint Keysym, bool Down)> Keys { get; } = [];

    public List<(int X, int Y, RfbPointerButtons Buttons)> Pointers { get; } = [];

    public RfbScreenSize Size
    {
        get
        {
            lock (_sync)
            {
                return _size;
            }
        }
    }

    public long Version
    {
        get
        {
            lock (_sync)
            {
                return _version;
            }
        }
    }

    /// <summary>A desktop-like picture: gradients, flat areas and some noise, so every sub-encoding gets used.</summary>
    public static uint Pattern(int x, int y, int seed)
    {
        if (y % 97 < 20)
        {
            return 0x204080u + (uint)seed;
        }

        if ((x / 16 + y / 16) % 5 == 0)
        {
            return (uint)(((x * 7) ^ (y * 13) ^ seed) & 0xFFFFFF);
        }

        return (uint)((x & 0xFF) << 16 | (y & 0xFF) << 8 | ((x + y + seed) & 0xFF));
    }

    public void Fill(int width, int height, int seed)
    {
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = Pattern(x, y, seed);
            }
        }

        Replace(pixels, new RfbScreenSize(width, height));
    }

    /// <summary>Paints one rectangle in one colour.</summary>
    public void Paint(RfbRectangle area, uint colour)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            for (var y = area.Y; y < area.Bottom; y++)
            {
                _pixels.AsSpan((y * _size.Width) + area.X, area.Width).Fill(colour);
            }

            _version++;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public uint[] Pixels()
    {
        lock (_sync)
        {
            return (uint[])_pixels.Clone();
        }
    }

    public long CopyTo(Span<uint> destination, out RfbScreenSize size)
    {
        lock (_sync)
        {
            size = _size;
            if (destination.Length >= _size.Pixels)
            {
                _pixels.CopyTo(destination);
            }

            return _version;
        }
    }

    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return _version != version ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public void Key(uint keysym, bool down)
    {
        lock (_sync)
        {
            Keys.Add((keysym, down));
        }
    }

    public void Pointer(int x, int y, RfbPointerButtons buttons)
    {
        lock (_sync)
        {
            Pointers.Add((x, y, buttons));
        }
    }

    public (uint Keysym, bool Down)[] KeysSoFar()
    {
        lock (_sync)
        {
            return [.. Keys];
        }
    }

    public (int X, int Y, RfbPointerButtons Buttons)[] PointersSoFar()
    {
        lock (_sync)
        {
            return [.. Pointers];
        }
    }

    private void Replace(uint[] pixels, RfbScreenSize size)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _pixels = pixels;
            _size = size;
            _version++;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
