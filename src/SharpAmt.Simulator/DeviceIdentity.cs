using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Simulator;

/// <summary>
/// The per-device facts derived from the address and a seed, so a device keeps the same realm, UUID and MAC
/// address every time the simulator starts.
/// </summary>
public sealed record DeviceIdentity(string Realm, Guid Uuid, byte[] MacAddress)
{
    public static DeviceIdentity Derive(IPAddress address, int seed)
    {
        Span<byte> seedBytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(seedBytes, seed);
        var material = SHA256.HashData([.. Encoding.ASCII.GetBytes(address.ToString()), .. seedBytes]);
        var realm = "Digest:" + Convert.ToHexString(material.AsSpan(0, 16));
        var uuidBytes = material.AsSpan(16, 16).ToArray();
        // RFC 4122 version 4 layout, so tools that validate UUIDs accept it.
        uuidBytes[7] = (byte)((uuidBytes[7] & 0x0F) | 0x40);
        uuidBytes[8] = (byte)((uuidBytes[8] & 0x3F) | 0x80);
        var mac = new byte[] { 0x00, 0x1B, 0x21, material[28], material[29], material[30] };
        return new DeviceIdentity(realm, new Guid(uuidBytes), mac);
    }

    /// <summary>The MAC address as AMT writes it: lower-case hex pairs joined by dashes.</summary>
    public string MacAddressText => string.Join('-', MacAddress.Select(part => part.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The UUID as the 32 hex digits of CIM_ComputerSystemPackage.PlatformGUID (SMBIOS byte order).</summary>
    public string PlatformGuid => Convert.ToHexString(Uuid.ToByteArray());
}
