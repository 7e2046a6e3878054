using System.Buffers.Binary;
using System.Text;
using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// The data-in answers of the emulated drives (reference §6.5.8), each written into a caller's buffer and returning
/// its full length; the caller cuts it to the host's allocation length.
/// </summary>
internal static class AtapiReplies
{
    /// <summary>Floppies up to 2880 sectors (1.44 MB) answer as a floppy, larger ones as an LS-120 (reference §6.5.8).</summary>
    public const long LargestFloppySectors = 0xB40;

    public static int Inquiry(AtapiDeviceKind kind, Span<byte> data)
    {
        var reply = data[..36];
        reply.Clear();
        reply[0] = kind == AtapiDeviceKind.Cdrom ? (byte)0x05 : (byte)0x00; // MMC device / direct access
        reply[1] = 0x80; // removable medium
        reply[3] = 0x21; // ATAPI transport version 2, response data format 1
        reply[4] = 36 - 5;
        Encoding.ASCII.GetBytes("SharpAMT", reply[8..16]);
        Encoding.ASCII.GetBytes(kind == AtapiDeviceKind.Cdrom ? "IDE-R CD-ROM    " : "IDE-R Floppy    ", reply[16..32]);
        Encoding.ASCII.GetBytes("1.00", reply[32..36]);
        return 36;
    }

    /// <summary>Fixed-format sense data (SPC 4.5.3), 18 bytes.</summary>
    public static int RequestSense(AtapiSense sense, Span<byte> data)
    {
        var reply = data[..18];
        reply.Clear();
        reply[0] = 0x70;
        reply[2] = sense.Key;
        reply[7] = 18 - 8;
        reply[12] = sense.Asc;
        reply[13] = sense.Ascq;
        return 18;
    }

    public static int ReadCapacity(long sectors, int sectorSize, Span<byte> data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)Math.Min(sectors - 1, uint.MaxValue));
        BinaryPrimitives.WriteUInt32BigEndian(data[4..], (uint)sectorSize);
        return 8;
    }

    /// <summary>A capacity list header and one "formatted media" descriptor (MMC/UFI READ FORMAT CAPACITIES).</summary>
    public static int ReadFormatCapacities(long sectors, int sectorSize, Span<byte> data)
    {
        data[..12].Clear();
        data[3] = 8;
        BinaryPrimitives.WriteUInt32BigEndian(data[4..], (uint)Math.Min(sectors, uint.MaxValue));
        data[8] = 0x02; // formatted media
        data[9] = (byte)(sectorSize >> 16);
        data[10] = (byte)(sectorSize >> 8);
        data[11] = (byte)sectorSize;
        return 12;
    }

    /// <summary>
    /// READ TOC formats 0 (track descriptors) and 1 (session information) of a one-track data disc, in LBA or MSF.
    /// The lead-out is where the image ends (the reference's clients send a constant instead).
    /// </summary>
    public static int ReadToc(int format, bool msf, byte track, long sectors, Span<byte> data)
    {
        if (format == 1)
        {
            data[..12].Clear();
            data[1] = 0x0A;
            data[2] = 1; // first complete session
            data[3] = 1; // last complete session
            data[5] = 0x14; // ADR 1, data track
            data[6] = 1; // first track of the last session
            WriteAddress(data[8..], 0, msf);
            return 12;
        }

        var length = 4;
        data[..20].Clear();
        data[2] = 1; // first track
        data[3] = 1; // last track
        if (track <= 1)
        {
            data[length + 1] = 0x14;
            data[length + 2] = 1;
            WriteAddress(data[(length + 4)..], 0, msf);
            length += 8;
        }

        data[length + 1] = 0x14;
        data[length + 2] = 0xAA; // lead-out
        WriteAddress(data[(length + 4)..], sectors, msf);
        length += 8;
        BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)(length - 2));
        return length;
    }

    private static void WriteAddress(Span<byte> destination, long lba, bool msf)
    {
        if (!msf)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)lba);
            return;
        }

        // MSF counts 75 frames a second from the 2-second pregap; addresses past 255 minutes saturate.
        var frames = Math.Min(lba + 150, (255 * 60 + 59) * 75 + 74);
        destination[0] = 0;
        destination[1] = (byte)(frames / (60 * 75));
        destination[2] = (byte)(frames / 75 % 60);
        destination[3] = (byte)(frames % 75);
    }

    /// <summary>GET CONFIGURATION features of a read-only CD-ROM drive, in feature-number order (reference §6.5.8).</summary>
    public static int GetConfiguration(int requestType, ushort startingFeature, bool mediumPresent, Span<byte> data)
    {
        data[..8].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(data[6..], mediumPresent ? (ushort)0x0008 : (ushort)0x0000);
        var length = 8;
        ReadOnlySpan<ushort> codes = [0x0000, 0x0001, 0x0002, 0x0003, 0x0010, 0x001E, 0x0100, 0x0105];
        foreach (var code in codes)
        {
            var wanted = requestType == 2 ? code == startingFeature : code >= startingFeature;
            if (wanted)
            {
                length += Feature(code, mediumPresent, data[length..]);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)(length - 4));
        return length;
    }

    private static int Feature(ushort code, bool mediumPresent, Span<byte> data)
    {
        BinaryPrimitives.WriteUInt16BigEndian(data, code);
        var current = mediumPresent ? (byte)0x01 : (byte)0x00;
        ReadOnlySpan<byte> body = code switch
        {
            0x0000 => [0x03, 0x04, 0x00, 0x08, current, 0x00], // profile list: CD-ROM
            0x0001 => [0x03, 0x04, 0x00, 0x00, 0x00, 0x02], // core: ATAPI
            0x0002 => [0x03, 0x04, 0x00, 0x00, 0x00, 0x00], // morphing
            0x0003 => [0x03, 0x04, 0x29, 0x00, 0x00, 0x02], // removable medium: tray, eject, lock
            0x0010 => [current, 0x08, 0x00, 0x00, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00], // random readable, 2048-byte blocks
            0x001E => [(byte)(0x02 | current), 0x00], // CD read
            _ => [0x03, 0x00], // power management, timeout
        };
        body.CopyTo(data[2..]);
        return 2 + body.Length;
    }

    /// <summary>
    /// GET EVENT STATUS NOTIFICATION, polled, media class (MMC 6.8): a "new media" event once after a medium is
    /// inserted, then "no change"; media status bit 1 says a medium is present.
    /// </summary>
    public static int MediaEvent(bool newMedia, bool mediumPresent, Span<byte> data)
    {
        data[..8].Clear();
        data[1] = 6;
        data[2] = 0x04; // media class
        data[3] = 0x10; // supported classes: media
        data[4] = newMedia ? (byte)0x02 : (byte)0x00;
        data[5] = mediumPresent ? (byte)0x02 : (byte)0x00;
        return 8;
    }

    /// <summary>The "no event available" header for classes the drive does not report.</summary>
    public static int NoEvent(Span<byte> data)
    {
        data[0] = 0;
        data[1] = 2;
        data[2] = 0x80;
        data[3] = 0x10;
        return 4;
    }

    /// <summary>READ DISC INFORMATION of a finalised one-session, one-track CD-ROM (MMC 6.22), 34 bytes.</summary>
    public static int DiscInformation(Span<byte> data)
    {
        var reply = data[..34];
        reply.Clear();
        reply[1] = 32;
        reply[2] = 0x0E; // last session complete, disc complete
        reply[3] = 1; // first track
        reply[4] = 1; // sessions
        reply[5] = 1; // first track of the last session
        reply[6] = 1; // last track of the last session
        reply[16..24].Fill(0xFF); // no lead-in / lead-out addresses: the disc is closed
        return 34;
    }

    /// <summary>READ TRACK INFORMATION of the single data track (MMC 6.27), 48 bytes.</summary>
    public static int TrackInformation(long sectors, Span<byte> data)
    {
        var reply = data[..48];
        reply.Clear();
        reply[1] = 46;
        reply[2] = 1; // track
        reply[3] = 1; // session
        reply[5] = 0x04; // data track, recorded uninterrupted
        reply[6] = 0x01; // data mode 1
        BinaryPrimitives.WriteUInt32BigEndian(reply[24..], (uint)sectors);
        BinaryPrimitives.WriteUInt32BigEndian(reply[28..], (uint)(sectors - 1));
        return 48;
    }
}
