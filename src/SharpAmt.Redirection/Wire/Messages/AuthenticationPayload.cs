using System.Text;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// The payloads of 0x13/0x14 (reference section 6.3): Pascal strings (a length byte, then the bytes) for
/// plain and digest, a bare list of type bytes for the query reply.
/// </summary>
public static class AuthenticationPayload
{
    /// <summary>The digest URI every client hashes.</summary>
    public const string DigestUri = "/RedirectionService";

    public const string DigestMethod = "POST";

    /// <summary>Type 1: <c>&lt;ulen&gt; user &lt;plen&gt; password</c>.</summary>
    public static byte[] Plain(string user, string password) => Strings(user, password);

    public static bool TryParsePlain(ReadOnlySpan<byte> payload, out string user, out string password)
    {
        var complete = TryReadStrings(payload, 2, out var parts, out var consumed);
        user = parts.Count > 0 ? parts[0] : "";
        password = parts.Count > 1 ? parts[1] : "";
        return complete && parts.Count == 2 && consumed == payload.Length;
    }

    /// <summary>The query reply: n types, one byte each.</summary>
    public static byte[] Methods(IEnumerable<AuthenticationType> types) => types.Select(type => (byte)type).ToArray();

    public static IReadOnlyList<AuthenticationType> ParseMethods(ReadOnlySpan<byte> payload)
    {
        var types = new AuthenticationType[payload.Length];
        for (var i = 0; i < payload.Length; i++)
        {
            types[i] = (AuthenticationType)payload[i];
        }

        return types;
    }

    internal static byte[] Strings(params string?[] values)
    {
        var encoded = values.Select(value => Encoding.UTF8.GetBytes(value ?? "")).ToArray();
        var payload = new byte[encoded.Sum(bytes => 1 + bytes.Length)];
        var offset = 0;
        foreach (var bytes in encoded)
        {
            if (bytes.Length > byte.MaxValue)
            {
                throw new ArgumentException("an authentication field is longer than 255 bytes");
            }

            payload[offset++] = (byte)bytes.Length;
            bytes.CopyTo(payload.AsSpan(offset));
            offset += bytes.Length;
        }

        return payload;
    }

    /// <summary>Reads up to <paramref name="maximum"/> Pascal strings; false when one runs past the end.</summary>
    internal static bool TryReadStrings(ReadOnlySpan<byte> payload, int maximum, out List<string> values, out int consumed)
    {
        values = [];
        consumed = 0;
        while (consumed < payload.Length && values.Count < maximum)
        {
            var length = payload[consumed];
            if (consumed + 1 + length > payload.Length)
            {
                return false;
            }

            values.Add(Encoding.UTF8.GetString(payload.Slice(consumed + 1, length)));
            consumed += 1 + length;
        }

        return true;
    }
}
