using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Network;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// The IPv4 helpers the network checks rest on. ParseStrict takes exactly four decimal parts of 0–255 with no
/// leading zeros and nothing around them: IPAddress.Parse also takes "10.1", hexadecimal parts and, like
/// inet_aton, reads "010" as octal 8, so a typed 010.0.0.1 would silently become 8.0.0.1.
/// </summary>
public sealed class Ipv4Tests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static Gen<uint> Values { get; } =
        from high in Gen.Choose(0, 0xFFFF)
        from low in Gen.Choose(0, 0xFFFF)
        select ((uint)high << 16) | (uint)low;

    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.100.200")]
    [InlineData("127.0.80.1")]
    public void A_plain_dotted_quad_parses(string text)
    {
        var address = Ipv4.ParseStrict(text);

        Assert.NotNull(address);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("10.0.1")]
    [InlineData("167772161")]
    [InlineData("1.2.3.4.5")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2. 3.4")]
    [InlineData("01.2.3.4")]
    [InlineData("010.0.0.1")]
    [InlineData("1.2.3.04")]
    [InlineData("1.2.3.000")]
    [InlineData("0x1.2.3.4")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.999")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData("1..2.3")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.-4")]
    [InlineData("1.2.3.4/24")]
    [InlineData("1.2.3.4:80")]
    [InlineData("１.2.3.4")]
    [InlineData("::1")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("")]
    [InlineData("a.b.c.d")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Null(Ipv4.ParseStrict(text));
    }

    [Fact]
    public void Every_address_reads_back_from_its_text_and_its_number()
    {
        Check.One(Runs, Prop.ForAll(Values.ToArbitrary(), value =>
        {
            var address = Ipv4.FromUInt32(value);

            Assert.Equal(value, Ipv4.ToUInt32(address));
            Assert.Equal(address, Ipv4.ParseStrict(address.ToString()));
            Assert.Equal(value >> 24, (uint)address.GetAddressBytes()[0]);
        }));
    }

    [Fact]
    public void A_zero_padded_part_is_refused_wherever_it_is()
    {
        var padded =
            from value in Values
            from part in Gen.Choose(0, 3)
            from zeros in Gen.Choose(1, 2)
            let parts = Ipv4.FromUInt32(value).GetAddressBytes().Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            where parts[part].Length + zeros <= 3
            select string.Join('.', parts.Select((text, index) => index == part ? new string('0', zeros) + text : text));

        Check.One(Runs, Prop.ForAll(padded.ToArbitrary(), text => Assert.Null(Ipv4.ParseStrict(text))));
    }

    [Theory]
    [InlineData(0, "0.0.0.0")]
    [InlineData(1, "128.0.0.0")]
    [InlineData(8, "255.0.0.0")]
    [InlineData(20, "255.255.240.0")]
    [InlineData(24, "255.255.255.0")]
    [InlineData(30, "255.255.255.252")]
    [InlineData(31, "255.255.255.254")]
    [InlineData(32, "255.255.255.255")]
    public void Masks_come_from_prefix_lengths(int prefix, string mask)
    {
        Assert.Equal(IPAddress.Parse(mask), Ipv4.MaskFromPrefix(prefix));
        Assert.Equal(prefix, Ipv4.PrefixLength(IPAddress.Parse(mask)));
    }

    [Theory]
    [InlineData("255.255.255.0", true)]
    [InlineData("128.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.0.255.0", false)]
    [InlineData("0.255.255.255", false)]
    [InlineData("255.255.255.253", false)]
    [InlineData("254.255.255.0", false)]
    public void A_mask_is_contiguous_when_its_ones_come_first(string mask, bool contiguous)
    {
        Assert.Equal(contiguous, Ipv4.IsContiguousMask(IPAddress.Parse(mask)));
    }

    [Fact]
    public void A_mask_is_contiguous_exactly_when_it_is_the_mask_of_its_prefix_length()
    {
        Check.One(Runs, Prop.ForAll(Values.ToArbitrary(), value =>
        {
            var mask = Ipv4.FromUInt32(value);

            Assert.Equal(value != 0 && Ipv4.MaskFromPrefix(Ipv4.PrefixLength(mask)).Equals(mask), Ipv4.IsContiguousMask(mask));
        }));

        for (var prefix = 1; prefix <= 32; prefix++)
        {
            Assert.True(Ipv4.IsContiguousMask(Ipv4.MaskFromPrefix(prefix)), $"/{prefix}");
        }
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.200", "255.255.255.0", true)]
    [InlineData("10.0.0.5", "10.0.1.5", "255.255.255.0", false)]
    [InlineData("10.0.0.5", "10.0.1.5", "255.255.0.0", true)]
    [InlineData("10.0.0.5", "10.0.0.9", "255.255.255.252", false)]
    [InlineData("10.0.0.5", "10.0.0.6", "255.255.255.252", true)]
    [InlineData("1.2.3.4", "200.1.1.1", "0.0.0.0", true)]
    public void Same_subnet_compares_the_masked_parts(string first, string second, string mask, bool same)
    {
        Assert.Equal(same, Ipv4.SameSubnet(IPAddress.Parse(first), IPAddress.Parse(second), IPAddress.Parse(mask)));
        Assert.Equal(same, Ipv4.SameSubnet(IPAddress.Parse(second), IPAddress.Parse(first), IPAddress.Parse(mask)));
    }
}
