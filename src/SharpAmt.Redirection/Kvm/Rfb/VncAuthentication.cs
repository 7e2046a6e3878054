using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// RFB security type 2 (RFC 6143 §7.2.2): the server sends 16 random bytes, the client returns them DES-encrypted
/// (ECB, two blocks) with the password as key: its first 8 bytes, zero-padded, each byte's bits reversed (the
/// historical quirk every VNC implementation shares). AMT's port 5900 uses the 8-character RFBPassword.
/// </summary>
public static class VncAuthentication
{
    public const int ChallengeSize = 16;

    public static byte[] NewChallenge() => RandomNumberGenerator.GetBytes(ChallengeSize);

    /// <summary>The client's answer to <paramref name="challenge"/>.</summary>
    /// <exception cref="ArgumentException">The password makes a weak DES key (empty, for one), which .NET refuses.</exception>
    public static byte[] Respond(ReadOnlySpan<byte> challenge, string password)
    {
        if (challenge.Length != ChallengeSize)
        {
            throw new ArgumentException("a VNC challenge is 16 bytes", nameof(challenge));
        }

        using var des = DES.Create();
        try
        {
            des.Key = Key(password);
        }
        catch (CryptographicException exception)
        {
            throw new ArgumentException("this VNC password makes a weak DES key; choose another", nameof(password), exception);
        }

        return des.EncryptEcb(challenge, PaddingMode.None);
    }

    /// <summary>Whether <paramref name="response"/> answers <paramref name="challenge"/> for <paramref name="password"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> response, string password) =>
        response.Length == ChallengeSize && CryptographicOperations.FixedTimeEquals(Respond(challenge, password), response);

    private static byte[] Key(string password)
    {
        var key = new byte[8];
        var bytes = Encoding.Latin1.GetBytes(password);
        for (var i = 0; i < Math.Min(8, bytes.Length); i++)
        {
            key[i] = Reverse(bytes[i]);
        }

        return key;
    }

    private static byte Reverse(byte value)
    {
        var result = 0;
        for (var bit = 0; bit < 8; bit++)
        {
            result |= ((value >> bit) & 1) << (7 - bit);
        }

        return (byte)result;
    }
}
