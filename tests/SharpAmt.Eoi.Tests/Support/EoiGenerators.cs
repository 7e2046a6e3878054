using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Eoi.Messages;

namespace SharpAmt.Eoi.Tests.Support;

/// <summary>FsCheck generators for the typed EOI model: any numbers, texts with XML's special characters, optional fields present or not.</summary>
internal static class EoiGenerators
{
    private static readonly char[] TextCharacters = "ABCXYZabcxyz0189 .:-_/&<>\"'=;#%é中€\t\n\r".ToCharArray();

    /// <summary>Texts that are not whitespace alone (XML keeps such text only where a schema says so).</summary>
    public static Gen<string> Text { get; } =
        Gen.Choose(0, 30).SelectMany(length => Gen.ArrayOf(Gen.Elements(TextCharacters), length))
            .Select(chars => new string(chars))
            .Where(text => text.Length == 0 || !string.IsNullOrWhiteSpace(text));

    public static Gen<uint> UInt32 { get; } = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<uint>()),
        (1, Gen.Elements(0u, 1u, uint.MaxValue, 0x7F000001u, 3232235876u)));

    public static Gen<ushort> UInt16 { get; } = ArbMap.Default.GeneratorFor<ushort>();

    public static Gen<byte> Byte { get; } = ArbMap.Default.GeneratorFor<byte>();

    public static Gen<bool> Boolean { get; } = ArbMap.Default.GeneratorFor<bool>();

    public static Gen<T?> Optional<T>(Gen<T> gen)
        where T : struct =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(value => (T?)value));

    public static Gen<EoiIpv4Parameters> Ipv4 { get; } =
        from local in UInt32
        from mask in UInt32
        from gateway in UInt32
        from primary in UInt32
        from secondary in UInt32
        select new EoiIpv4Parameters(EoiValues.ToAddress(local), EoiValues.ToAddress(mask), EoiValues.ToAddress(gateway), EoiValues.ToAddress(primary), EoiValues.ToAddress(secondary));

    public static Gen<EoiIpv4Parameters?> OptionalIpv4 { get; } = Gen.OneOf(Gen.Constant<EoiIpv4Parameters?>(null), Ipv4.Select(value => (EoiIpv4Parameters?)value));

    public static Gen<EoiInterfaceMode> Mode { get; } = Gen.Elements(EoiInterfaceMode.SeparateMacAddress, EoiInterfaceMode.SharedMacAddress);

    public static Gen<EoiInterfaceSettings> InterfaceSettings { get; } =
        from description in Text
        from mac in Text
        from mode in Mode
        from link in Byte
        from dhcp in Boolean
        from ipv4 in OptionalIpv4
        select new EoiInterfaceSettings(description, mac, mode, link, dhcp, ipv4);

    public static Gen<EoiInterfaceChange> InterfaceChange { get; } =
        from mode in Mode
        from link in Byte
        from ipv4 in OptionalIpv4
        select new EoiInterfaceChange(mode, link, ipv4);

    public static Gen<EoiRemoteControlRequest> RemoteControl { get; } =
        from command in Byte
        from special in Optional(Byte)
        from oem in Optional(UInt32)
        from iana in UInt32
        from parameter in Optional(UInt16)
        from options in Optional(UInt16)
        select new EoiRemoteControlRequest((EoiRemoteControlCommand)command, special is { } s ? (EoiSpecialCommand)s : null, oem, iana, parameter, options);

    public static Gen<EoiRemoteControlCapabilities> Capabilities { get; } =
        from iana in UInt32
        from oem in UInt32
        from special in UInt32
        from system in UInt32
        from firmware in UInt32
        select new EoiRemoteControlCapabilities(iana, oem, special, system, firmware);
}
