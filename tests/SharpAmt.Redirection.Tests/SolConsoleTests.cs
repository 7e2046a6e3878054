using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Simulator.Firmware;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>SOL against the simulated host's own console (getty, login, shell), not an echo: what a person at amt sol sees.</summary>
public sealed class SolConsoleTests
{
    public static TheoryData<string, bool, RedirectionAuthentication> Transports => new()
    {
        { "12", false, RedirectionAuthentication.Auto },
        { "12", false, RedirectionAuthentication.Plain },
        { "16.1", true, RedirectionAuthentication.Auto },
    };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_script_logs_in_on_the_serial_getty_and_runs_a_command(string firmware, bool tls, RedirectionAuthentication authentication)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolConsoleDevice.StartAsync(FirmwareProfiles.Find(firmware), cancellation);
        await using var sol = await SolSession.OpenAsync(device.Client(tls, authentication), cancellationToken: cancellation);
        using var log = new MemoryStream();

        await new SolScriptRunner(sol, log) { ExpectTimeout = TimeSpan.FromSeconds(10) }.RunAsync(
        [
            // The login prompt was written before anyone attached; Enter makes the getty ask again.
            SolScriptStep.Send(@"\r"), SolScriptStep.Expect("login: $"),
            SolScriptStep.Send(@"user\r"), SolScriptStep.Expect("Password: $"),
            SolScriptStep.Send(@"user\r"), SolScriptStep.Expect(@"user@\S+:~\$ $"),
            SolScriptStep.Send(@"uname -a\r"), SolScriptStep.Expect(@"Linux \S+ \S+ .* x86_64 GNU/Linux\r\n"),
            SolScriptStep.Send(@"echo sol-works\r"), SolScriptStep.Expect("\r\nsol-works\r\n"),
        ], cancellation);
        await sol.CloseAsync(cancellation);

        var shown = System.Text.Encoding.ASCII.GetString(log.ToArray());
        Assert.DoesNotContain("Login incorrect", shown, StringComparison.Ordinal);
        Assert.Contains("uname -a", shown, StringComparison.Ordinal);
        Assert.Contains("Password: \r\n", shown, StringComparison.Ordinal); // the password is not echoed
        Assert.Equal(tls ? AuthenticationType.DigestWithQop : authentication == RedirectionAuthentication.Plain ? AuthenticationType.Plain : AuthenticationType.DigestWithQop,
            sol.Authentication);
    }
}
