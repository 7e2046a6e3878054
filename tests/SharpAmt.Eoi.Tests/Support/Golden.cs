using System.Text;

namespace SharpAmt.Eoi.Tests.Support;

/// <summary>
/// Request bodies Debian's amttool 1.4 (SOAP::Lite 1.27) sent, captured byte for byte from its TCP connection,
/// stored under <c>Golden/amttool</c>.
/// </summary>
internal static class Golden
{
    public static string Amttool(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "amttool", name + ".xml"), Encoding.UTF8);

    /// <summary>What amttool's netconf sends for a dotted quad: it multiplies the second octet by 256 × 246, not 65536.</summary>
    public static uint AmttoolAddress(uint a, uint b, uint c, uint d) => a * 256 * 256 * 256 + b * 256 * 246 + c * 256 + d;
}
