using System.Buffers.Binary;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>RFB client-to-server message types (RFC 6143 §7.5, reference §6.6.3).</summary>
public enum RfbClientMessageType : byte
{
    SetPixelFormat = 0,
    SetEncodings = 2,
    FramebufferUpdateRequest = 3,
    KeyEvent = 4,
    PointerEvent = 5,
    ClientCutText = 6,
}

/// <summary>A client message: it knows its size, then writes itself (big-endian) into a span of that size.</summary>
public abstract record RfbClientMessage
{
    public abstract RfbClientMessageType Type { get; }

    public abstract int Size { get; }

    public abstract void Write(Span<byte> destination);

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        Write(bytes);
        return bytes;
    }
}

/// <summary><c>00 00 00 00</c> + 16-byte pixel format.</summary>
public sealed record RfbSetPixelFormat(RfbPixelFormat Format) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.SetPixelFormat;

    public override int Size => 4 + RfbPixelFormat.WireSize;

    public override void Write(Span<byte> destination)
    {
        destination[..4].Clear();
        Format.Write(destination[4..]);
    }
}

/// <summary><c>02 00 &lt;n BE16&gt; &lt;n × BE32&gt;</c>, most preferred first.</summary>
public sealed record RfbSetEncodings(IReadOnlyList<int> Encodings) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.SetEncodings;

    public override int Size => 4 + (4 * Encodings.Count);

    public override void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Encodings.Count);
        for (var i = 0; i < Encodings.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination[(4 + (4 * i))..], Encodings[i]);
        }
    }
}

/// <summary><c>03 &lt;incremental&gt; x y w h</c> (BE16).</summary>
public sealed record RfbUpdateRequest(bool Incremental, RfbRectangle Area) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.FramebufferUpdateRequest;

    public override int Size => 10;

    public override void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1] = Incremental ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Area.X);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)Area.Y);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)Area.Width);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], (ushort)Area.Height);
    }
}

/// <summary><c>04 &lt;down&gt; 00 00 &lt;keysym BE32&gt;</c>.</summary>
public sealed record RfbKeyEvent(bool Down, uint Keysym) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.KeyEvent;

    public override int Size => 8;

    public override void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1] = Down ? (byte)1 : (byte)0;
        destination[2] = 0;
        destination[3] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Keysym);
    }
}

/// <summary><c>05 &lt;mask&gt; &lt;x BE16&gt; &lt;y BE16&gt;</c>.</summary>
public sealed record RfbPointerEvent(RfbPointerButtons Buttons, int X, int Y) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.PointerEvent;

    public override int Size => 6;

    public override void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1] = (byte)Buttons;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)X);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)Y);
    }
}

/// <summary><c>06 00 00 00 &lt;len BE32&gt; &lt;data&gt;</c>: clipboard text, or an in-band command (reference §6.6.5).</summary>
public sealed record RfbClientCutText(ReadOnlyMemory<byte> Data) : RfbClientMessage
{
    public override RfbClientMessageType Type => RfbClientMessageType.ClientCutText;

    public override int Size => 8 + Data.Length;

    public override void Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        destination[1..4].Clear();
        BinaryPrimitives.WriteInt32BigEndian(destination[4..], Data.Length);
        Data.Span.CopyTo(destination[8..]);
    }
}
