using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Simulator.Fleet;

/// <summary>
/// Addresses for simulated devices: loopback only (127.0.0.0/8), one per device, skipping addresses whose
/// last octet is 0 or 255 so that no device sits on a network or broadcast-looking address.
/// </summary>
public static class LoopbackAddresses
{
    public static bool IsLoopback(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] == 127;

    public static IReadOnlyList<IPAddress> Sequence(IPAddress first, int count)
    {
        if (!IsLoopback(first))
        {
            throw new ArgumentException($"{first} is not a loopback address; simulated devices only use 127.0.0.0/8", nameof(first));
        }

        var addresses = new List<IPAddress>(count);
        var bytes = first.GetAddressBytes();
        var value = ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        while (addresses.Count < count)
        {
            if (value > 0xFFFFFF)
            {
                throw new ArgumentException($"{count} devices starting at {first} do not fit in 127.0.0.0/8", nameof(count));
            }

            var last = (byte)(value & 0xFF);
            if (last is not (0 or 255))
            {
                addresses.Add(new IPAddress(new byte[] { 127, (byte)(value >> 16), (byte)(value >> 8), last }));
            }

            value++;
        }

        return addresses;
    }
}
