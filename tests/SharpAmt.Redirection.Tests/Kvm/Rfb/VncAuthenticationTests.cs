using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class VncAuthenticationTests
{
    // Challenge 00 01 … 0F with password "12345678": the key is each byte bit-reversed (8C 4C CC 2C AC 6C EC 1C);
    // the response was computed independently with OpenSSL's DES-ECB (openssl enc -des-ecb -nopad).
    private static readonly byte[] Challenge = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] Expected = Convert.FromHexString("83DD2B4DBD04367F28578FDD5B142740");

    [Fact]
    public void ResponseMatchesTheReferenceVector() =>
        Assert.Equal(Expected, VncAuthentication.Respond(Challenge, "12345678"));

    [Fact]
    public void OnlyTheFirstEightCharactersCount() =>
        Assert.Equal(Expected, VncAuthentication.Respond(Challenge, "123456789abc"));

    [Fact]
    public void VerifyAcceptsTheRightPasswordOnly()
    {
        Assert.True(VncAuthentication.Verify(Challenge, Expected, "12345678"));
        Assert.False(VncAuthentication.Verify(Challenge, Expected, "12345679"));
        Assert.False(VncAuthentication.Verify(Challenge, Expected.AsSpan(0, 8), "12345678"));
    }

    [Fact]
    public void ChallengesAreFresh() =>
        Assert.NotEqual(VncAuthentication.NewChallenge(), VncAuthentication.NewChallenge());
}
