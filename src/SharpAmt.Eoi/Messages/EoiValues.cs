using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Eoi.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Eoi.Messages;

/// <summary>
/// Value formats on the EOI wire: unsigned decimals, xsd:boolean, IPv4 addresses as uint32 in network order, and
/// the InterfaceMode names. A value that does not parse is a protocol error on either side.
/// </summary>
public static class EoiValues
{
    public const string SeparateMacAddress = "SEPARATE_MAC_ADDRESS";
    public const string SharedMacAddress = "SHARED_MAC_ADDRESS";

    public static string Format(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(EoiInterfaceMode mode) => mode == EoiInterfaceMode.SharedMacAddress ? SharedMacAddress : SeparateMacAddress;

    /// <summary>The address as the uint32 whose big-endian bytes it is: 192.168.1.100 is 3232235876.</summary>
    public static uint ToUInt32(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{address} is not an IPv4 address; EOI carries IPv4 only", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress ToAddress(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    public static EoiElement Leaf(string name, uint value) => EoiElement.Leaf(name, Format(value));

    public static EoiElement Leaf(string name, bool value) => EoiElement.Leaf(name, Format(value));

    public static EoiElement Leaf(string name, IPAddress address) => EoiElement.Leaf(name, Format(ToUInt32(address)));

    public static EoiElement Required(IReadOnlyList<EoiElement> elements, string name, string context) =>
        Find(elements, name) ?? throw Unexpected($"{context}: {name} is missing");

    public static EoiElement? Find(IReadOnlyList<EoiElement> elements, string name) =>
        elements.FirstOrDefault(element => element.Name == name);

    public static string Text(EoiElement element) => element.Text ?? "";

    public static uint UInt32(EoiElement element) =>
        uint.TryParse(Text(element).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected($"{element.Name} '{EoiText.Shorten(Text(element), 40)}' is not an unsigned 32-bit number");

    public static ushort UInt16(EoiElement element) =>
        ushort.TryParse(Text(element).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected($"{element.Name} '{EoiText.Shorten(Text(element), 40)}' is not an unsigned 16-bit number");

    public static byte Byte(EoiElement element) =>
        byte.TryParse(Text(element).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected($"{element.Name} '{EoiText.Shorten(Text(element), 40)}' is not a number from 0 to 255");

    /// <summary>xsd:boolean: true, false, 1 or 0.</summary>
    public static bool Boolean(EoiElement element) => Text(element).Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw Unexpected($"{element.Name} '{EoiText.Shorten(other, 40)}' is not a boolean"),
    };

    public static IPAddress Address(EoiElement element) => ToAddress(UInt32(element));

    public static EoiInterfaceMode InterfaceMode(EoiElement element) => Text(element).Trim() switch
    {
        SeparateMacAddress => EoiInterfaceMode.SeparateMacAddress,
        SharedMacAddress => EoiInterfaceMode.SharedMacAddress,
        var other => throw Unexpected($"InterfaceMode '{EoiText.Shorten(other, 40)}' is neither {SeparateMacAddress} nor {SharedMacAddress}"),
    };

    internal static AmtProtocolException Unexpected(string detail) => new(ProtocolViolation.UnexpectedXml, detail);
}
