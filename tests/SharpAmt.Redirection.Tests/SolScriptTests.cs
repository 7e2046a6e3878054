using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>The send/expect steps behind <c>amt sol --send/--expect</c>.</summary>
public sealed class SolScriptTests
{
    [Theory]
    [InlineData(@"root\r", new byte[] { 0x72, 0x6F, 0x6F, 0x74, 0x0D })]
    [InlineData(@"a\nb\tc", new byte[] { 0x61, 0x0A, 0x62, 0x09, 0x63 })]
    [InlineData(@"\e[A\x1d\\", new byte[] { 0x1B, 0x5B, 0x41, 0x1D, 0x5C })]
    [InlineData(@"\q\x4", new byte[] { 0x5C, 0x71, 0x5C, 0x78, 0x34 })]
    [InlineData("é", new byte[] { 0xC3, 0xA9 })]
    public void Escapes_become_their_bytes(string text, byte[] expected) => Assert.Equal(expected, SolScriptStep.Unescape(text));

    [Fact]
    public async Task Each_expectation_matches_only_output_after_the_previous_match()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);
        using var log = new MemoryStream();
        var runner = new SolScriptRunner(sol, log) { ExpectTimeout = TimeSpan.FromMilliseconds(500) };

        await runner.RunAsync([SolScriptStep.Send("login: "), SolScriptStep.Expect("login:")], cancellation);
        var error = await Assert.ThrowsAsync<SolExpectationException>(() => runner.RunAsync([SolScriptStep.Expect("login:")], cancellation));

        Assert.Equal("login:", error.Pattern);
        Assert.Equal("login: "u8.ToArray(), log.ToArray());
    }
}
