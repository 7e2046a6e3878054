using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Network;

/// <summary>IPv4 arithmetic for validating settings: addresses as host-order integers.</summary>
public static class Ipv4
{
    public static uint ToUInt32(IPAddress address) =>
        BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    public static IPAddress FromUInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>
    /// Parses a dotted quad strictly: four decimal parts, nothing else (IPAddress.Parse also takes "10.1"). A part
    /// with a leading zero is refused: IPAddress.Parse, like inet_aton, reads "010" as octal 8.
    /// </summary>
    public static IPAddress? ParseStrict(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(part => part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || part.Length > 1 && part[0] == '0'))
        {
            return null;
        }

        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork ? address : null;
    }

    /// <summary>A mask is contiguous when its ones all come first.</summary>
    public static bool IsContiguousMask(IPAddress mask)
    {
        var value = ToUInt32(mask);
        return value != 0 && (~value & (~value + 1)) == 0;
    }

    public static int PrefixLength(IPAddress mask) => System.Numerics.BitOperations.PopCount(ToUInt32(mask));

    public static IPAddress MaskFromPrefix(int prefix) => FromUInt32(prefix == 0 ? 0 : uint.MaxValue << (32 - prefix));

    public static bool SameSubnet(IPAddress first, IPAddress second, IPAddress mask)
    {
        var bits = ToUInt32(mask);
        return (ToUInt32(first) & bits) == (ToUInt32(second) & bits);
    }
}
