namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// The digest challenge a device puts in 0x14 with status 1: realm, nonce and qop as Pascal strings. amtterm
/// 1.7+ takes realm ≤ 64, nonce ≤ 32 and qop exactly "auth" for type 4 (empty or absent for type 3).
/// </summary>
public sealed record DigestChallengePayload(string Realm, string Nonce, string Qop)
{
    public byte[] ToPayload() => AuthenticationPayload.Strings(Realm, Nonce, Qop);

    public static DigestChallengePayload? TryParse(ReadOnlySpan<byte> payload)
    {
        if (!AuthenticationPayload.TryReadStrings(payload, 3, out var values, out _) || values.Count < 2)
        {
            return null;
        }

        return new DigestChallengePayload(values[0], values[1], values.Count > 2 ? values[2] : "");
    }
}
