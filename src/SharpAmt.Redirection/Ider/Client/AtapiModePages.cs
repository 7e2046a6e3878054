using System.Buffers.Binary;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// MODE SENSE answers (reference §6.5.8): a mode parameter header with the medium type and the write-protect bit,
/// no block descriptors, then the pages. The floppy offers 0x01 and 0x05, the CD 0x01, 0x1A, 0x1D and 0x2A; 0x3F
/// returns all of a device's pages but 0x1A and 0x1D, as the reference's clients do.
/// </summary>
internal static class AtapiModePages
{
    public const byte AllPages = 0x3F;

    /// <summary>Writes the header and the pages of <paramref name="pageCode"/>; -1 if the device has no such page.</summary>
    public static int Write(AtapiDeviceKind kind, long sectors, byte pageCode, bool changeable, bool tenByte, Span<byte> data)
    {
        var headerSize = tenByte ? 8 : 4;
        var length = headerSize;
        ReadOnlySpan<byte> pages = kind == AtapiDeviceKind.Cdrom ? [0x01, 0x1A, 0x1D, 0x2A] : [0x01, 0x05];
        var found = false;
        foreach (var page in pages)
        {
            var all = pageCode == AllPages && page is not (0x1A or 0x1D);
            if (page == pageCode || all)
            {
                var size = Page(kind, sectors, page, data[length..]);
                if (changeable)
                {
                    // Nothing can be changed: every parameter of a changeable-values page is 0.
                    data.Slice(length + 2, size - 2).Clear();
                }

                length += size;
                found = true;
            }
        }

        if (!found)
        {
            return -1;
        }

        data[..headerSize].Clear();
        if (tenByte)
        {
            BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)(length - 2));
            data[2] = MediumType(kind, sectors);
            data[3] = 0x80; // write-protected
        }
        else
        {
            // MODE SENSE(6) medium codes as both reference clients send them (0x00 floppy, 0x05 CD).
            data[0] = (byte)(length - 1);
            data[1] = kind == AtapiDeviceKind.Cdrom ? (byte)0x05 : (byte)0x00;
            data[2] = 0x80;
        }

        return length;
    }

    public static byte MediumType(AtapiDeviceKind kind, long sectors) =>
        kind == AtapiDeviceKind.Cdrom ? (byte)0x01 : sectors <= AtapiReplies.LargestFloppySectors ? (byte)0x24 : (byte)0x31;

    private static int Page(AtapiDeviceKind kind, long sectors, byte page, Span<byte> data)
    {
        switch (page)
        {
            case 0x01 when kind == AtapiDeviceKind.Cdrom:
                // Read error recovery (MMC): read retry count 255.
                return Copy([0x01, 0x06, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00], data);
            case 0x01:
                // Read-write error recovery (SBC): read retry 1, write retry 2.
                return Copy([0x01, 0x0A, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00], data);
            case 0x05:
                return FlexibleDisk(sectors, data);
            case 0x1A or 0x1D:
                // Power condition and timeout-and-protect: present, all timers off.
                data[..12].Clear();
                data[0] = page;
                data[1] = 0x0A;
                return 12;
            default:
                return Capabilities(data);
        }
    }

    private static int Copy(ReadOnlySpan<byte> page, Span<byte> data)
    {
        page.CopyTo(data);
        return page.Length;
    }

    /// <summary>
    /// Flexible disk page (SBC-2 6.3.4): the geometry of a 3.5" floppy (2 heads, 80 cylinders, 300 rpm) for images
    /// up to 2880 sectors, else the LS-120 geometry the reference's clients use (8 heads, 32 sectors, 720 rpm).
    /// </summary>
    private static int FlexibleDisk(long sectors, Span<byte> data)
    {
        var page = data[..32];
        page.Clear();
        page[0] = 0x05;
        page[1] = 0x1E;
        var floppy = sectors <= AtapiReplies.LargestFloppySectors;
        int heads = floppy ? 2 : 8, perTrack = floppy ? (int)Math.Max(1, sectors / 160) : 32;
        var cylinders = (sectors + heads * perTrack - 1) / (heads * perTrack);
        BinaryPrimitives.WriteUInt16BigEndian(page[2..], floppy ? (ushort)500 : (ushort)0x10A9); // kbit/s
        page[4] = (byte)heads;
        page[5] = (byte)perTrack;
        BinaryPrimitives.WriteUInt16BigEndian(page[6..], 512);
        BinaryPrimitives.WriteUInt16BigEndian(page[8..], (ushort)Math.Min(cylinders, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16BigEndian(page[28..], floppy ? (ushort)300 : (ushort)720);
        return 32;
    }

    /// <summary>CD capabilities and mechanical status (MMC 6.3.11, page 0x2A), 26 bytes: reads CD-ROM only, tray with eject and lock.</summary>
    private static int Capabilities(Span<byte> data)
    {
        var page = data[..26];
        page.Clear();
        page[0] = 0x2A;
        page[1] = 0x18;
        page[6] = 0x29; // tray loading, eject, lock
        BinaryPrimitives.WriteUInt16BigEndian(page[8..], 7040); // 40x, kB/s
        BinaryPrimitives.WriteUInt16BigEndian(page[12..], 512); // buffer, KiB
        BinaryPrimitives.WriteUInt16BigEndian(page[14..], 7040);
        return 26;
    }
}
