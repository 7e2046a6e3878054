using System.Text;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>The 12-byte ProtocolVersion banners (RFC 6143 §7.1.1, reference §6.6.2).</summary>
public static class RfbVersion
{
    public const int BannerSize = 12;

    /// <summary>What real AMT sends (4.0 is dropped in CSME 21); clients answer 3.8.</summary>
    public static ReadOnlySpan<byte> Amt => "RFB 004.000\n"u8;

    public static ReadOnlySpan<byte> V3_8 => "RFB 003.008\n"u8;

    /// <summary>Major and minor of a banner; false when it is not <c>RFB xxx.yyy\n</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> banner, out int major, out int minor)
    {
        major = minor = 0;
        if (banner.Length != BannerSize || !banner.StartsWith("RFB "u8) || banner[7] != (byte)'.' || banner[11] != (byte)'\n')
        {
            return false;
        }

        return int.TryParse(Encoding.ASCII.GetString(banner[4..7]), out major) && int.TryParse(Encoding.ASCII.GetString(banner[8..11]), out minor);
    }
}

/// <summary>RFB security types used here.</summary>
public enum RfbSecurityType : byte
{
    Invalid = 0,
    None = 1,
    VncAuthentication = 2,
}
