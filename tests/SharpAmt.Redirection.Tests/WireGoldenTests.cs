using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>The exact bytes of reference section 6, written by the one codec both sides use, and read back.</summary>
public sealed class WireGoldenTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static RedirectionFrame Frame(byte[] bytes) => new((RedirectionMessageType)bytes[0], bytes);

    [Theory]
    [InlineData(RedirectionSessionType.Sol, "10 00 00 00 53 4F 4C 20")]
    [InlineData(RedirectionSessionType.Ider, "10 00 00 00 49 44 45 52")]
    [InlineData(RedirectionSessionType.Kvm, "10 01 00 00 4B 56 4D 52")]
    public void Start_messages_carry_the_session_tag(RedirectionSessionType type, string hex)
    {
        Assert.Equal(Hex(hex), RedirectionMessage.ToArray(StartRedirectionSession.For(type)));
        Assert.Equal(type, StartRedirectionSession.Read(Frame(Hex(hex))).SessionType);
    }

    [Fact]
    public void Start_reply_is_13_bytes_with_iana_343_and_no_oem_data()
    {
        var bytes = RedirectionMessage.ToArray(new StartRedirectionSessionReply(RedirectionStatus.Success, 11, 8));

        Assert.Equal(Hex("11 00 00 00 01 00 0B 08 57 01 00 00 00"), bytes);
        var read = StartRedirectionSessionReply.Read(Frame(Hex("11 02 00 00 01 00 0F 00 57 01 00 00 00")));
        Assert.Equal(RedirectionStatus.Busy, read.Status);
        Assert.Equal(15, read.FirmwareMajor);
    }

    [Fact]
    public void Plain_authentication_is_byte_for_byte_what_amtterm_1_4_sends()
    {
        var message = AuthenticationMessage.Request(AuthenticationType.Plain, AuthenticationPayload.Plain("admin", "P@ssw0rd"));

        var bytes = RedirectionMessage.ToArray(message);

        Assert.Equal(Hex("13 00 00 00 01 0F 00 00 00 05 61 64 6D 69 6E 08 50 40 73 73 77 30 72 64"), bytes);
        Assert.True(AuthenticationPayload.TryParsePlain(AuthenticationMessage.Read(Frame(bytes)).Payload, out var user, out var password));
        Assert.Equal(("admin", "P@ssw0rd"), (user, password));
        Assert.DoesNotContain("P@ssw0rd", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Success_reply_and_query_follow_the_reference()
    {
        Assert.Equal(Hex("14 00 00 00 01 00 00 00 00"), RedirectionMessage.ToArray(AuthenticationMessage.Reply(AuthenticationStatus.Success, AuthenticationType.Plain)));
        Assert.Equal(Hex("13 00 00 00 00 00 00 00 00"), RedirectionMessage.ToArray(AuthenticationMessage.Request(AuthenticationType.Query, [])));
        var realReply = AuthenticationMessage.Read(Frame(Hex("14 00 00 00 00 01 00 00 00 04")));
        Assert.Equal([AuthenticationType.DigestWithQop], AuthenticationPayload.ParseMethods(realReply.Payload));
    }

    [Fact]
    public void Empty_digest_request_is_what_meshcommander_sends_for_admin()
    {
        var bytes = RedirectionMessage.ToArray(AuthenticationMessage.Request(AuthenticationType.DigestWithQop, DigestRequestPayload.Empty("admin", withQop: true).ToPayload()));

        Assert.Equal(Hex("13 00 00 00 04 20 00 00 00 05 61 64 6D 69 6E 00 00 13 2F 52 65 64 69 72 65 63 74 69 6F 6E 53 65 72 76 69 63 65 00 00 00 00"), bytes);
        Assert.True(DigestRequestPayload.TryParse(AuthenticationMessage.Read(Frame(bytes)).Payload)!.IsEmpty);
        // Type 3 leaves out the qop element.
        Assert.Equal(bytes.Length - 1, RedirectionMessage.ToArray(AuthenticationMessage.Request(AuthenticationType.Digest, DigestRequestPayload.Empty("admin", withQop: false).ToPayload())).Length);
    }

    [Fact]
    public void Digest_challenge_round_trips()
    {
        var challenge = new DigestChallengePayload("Digest:0123456789ABCDEF0123456789ABCDEF", "abcdefghijklmnopqrstuvwxyz012345", "auth");
        var bytes = RedirectionMessage.ToArray(AuthenticationMessage.Reply(AuthenticationStatus.Failure, AuthenticationType.DigestWithQop, challenge.ToPayload()));

        Assert.Equal(Hex("14 01 00 00 04 4E 00 00 00 27"), bytes[..10]);
        Assert.Equal(challenge, DigestChallengePayload.TryParse(AuthenticationMessage.Read(Frame(bytes)).Payload));
    }

    [Fact]
    public void Sol_start_is_byte_for_byte_what_amtterm_sends()
    {
        var bytes = RedirectionMessage.ToArray(StartSolRedirection.Amtterm);

        Assert.Equal(Hex("20 00 00 00 00 00 00 00 E8 03 64 00 00 00 10 27 00 00 88 13 00 00 00 00"), bytes);
        var meshCommander = StartSolRedirection.Read(Frame(Hex("20 00 00 00 01 00 00 00 10 27 64 00 00 00 10 27 64 00 00 00 00 00 00 00")));
        Assert.Equal((10000, 100, 0), (meshCommander.MaxTxBuffer, meshCommander.RxFlushTimeout, meshCommander.HeartbeatInterval));
    }

    [Fact]
    public void Sol_start_reply_has_the_layout_amtterm_and_meshcommander_accept()
    {
        var reply = new StartSolRedirectionReply(RedirectionStatus.Success) { Sequence = 1, FirmwareMajor = 11, FirmwareMinor = 8 };

        Assert.Equal(Hex("21 00 00 00 01 00 00 00 01 00 0B 08 00 20 01 00 00 00 57 01 00 00 00"), RedirectionMessage.ToArray(reply));
    }

    [Fact]
    public void Sol_controls_data_and_signals()
    {
        Assert.Equal(Hex("29 00 00 00 02 00 00 00 00 04"), RedirectionMessage.ToArray(new SolControls(2, SolControl.None, SolStatus.SystemPowerState)));
        Assert.Equal(Hex("28 00 00 00 00 00 00 00 02 00 78 0D"), RedirectionMessage.ToArray(SolData.ToHost("x\r"u8.ToArray())));
        Assert.Equal(Hex("2A 00 00 00 03 00 00 00 01 00 41"), RedirectionMessage.ToArray(SolData.FromHost("A"u8.ToArray(), 3)));
        Assert.Equal(Hex("22 00 00 00 00 00 00 00"), RedirectionMessage.ToArray(SolSignal.End()));
        Assert.Equal(Hex("2B 00 00 00 05 00 00 00"), RedirectionMessage.ToArray(SolSignal.Heartbeat(5)));
        Assert.Equal(Hex("12 00 00 00"), RedirectionMessage.ToArray(EndRedirectionSession.Instance));
        Assert.Equal("x\r"u8.ToArray(), SolData.Read(Frame(Hex("28 00 00 00 00 00 00 00 02 00 78 0D"))).Data.ToArray());
    }
}
