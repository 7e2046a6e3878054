using System.Text.Json;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt password check</c>: the candidate comes from stdin or a prompt and never shows up in any output.</summary>
public sealed class PasswordCheckCommandTests
{
    private static CliHarness Piping(string candidate)
    {
        var harness = new CliHarness { Input = candidate + "\n" };
        harness.AddSecret(candidate);
        return harness;
    }

    [Fact]
    public async Task A_password_that_meets_the_rules_exits_0()
    {
        using var harness = Piping("Bxk9!dTf");

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("meets AMT's password rules", lines[0]);
        // Every valid password has a digit, and digits need Shift on a French keyboard.
        Assert.All(lines.Skip(1), line => Assert.StartsWith("warning: ", line, StringComparison.Ordinal));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Each_broken_rule_is_a_line_and_the_exit_code_is_1()
    {
        using var harness = Piping("bxk_dtf");

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "does not meet AMT's password rules",
            "problem: has fewer than 8 characters (AMT needs 8 to 32)",
            "problem: needs at least one digit (0-9)",
            "problem: needs at least one upper-case letter (A-Z)",
            "problem: needs at least one symbol such as ! @ # $ % (the underscore and the space do not count)",
        ], Lines(result.Out).Where(line => !line.StartsWith("warning: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Layout_warnings_are_lines_too_and_alone_do_not_fail()
    {
        using var harness = Piping("Zebra-42!");

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
        [
            "meets AMT's password rules",
            "warning: German (QWERTZ) keyboard: MEBx reads a US layout, so there type - as ß, Z as Y",
            "warning: French (AZERTY) keyboard: MEBx reads a US layout, so there type 2 as é, 4 as ', - as ), a as q, ! as 1, Z as W",
        ], Lines(result.Out));
    }

    [Fact]
    public async Task Json_lists_rules_and_layouts_by_stable_names()
    {
        using var harness = Piping("zebra,42 ");

        var result = await harness.RunAsync("password", "check", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("meetsRules").GetBoolean());
        Assert.Equal(["forbidden-character", "no-uppercase", "no-symbol"], root.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("rule").GetString()));
        Assert.Equal(["de", "fr"], root.GetProperty("warnings").EnumerateArray().Select(warning => warning.GetProperty("layout").GetString()));
        var french = root.GetProperty("warnings")[1].GetProperty("characters").EnumerateArray().Select(remap => (remap.GetProperty("character").GetString(), remap.GetProperty("typeAs").GetString()));
        Assert.Equal([("2", "é"), ("4", "'"), ("a", "q"), ("z", "w"), (",", ";")], french);
    }

    [Fact]
    public async Task At_a_terminal_the_candidate_is_asked_without_echo()
    {
        using var harness = new CliHarness();
        harness.AddSecret("Prompted-Pw9");
        var prompts = new List<string>();
        harness.Terminal = prompt =>
        {
            prompts.Add(prompt);
            return "Prompted-Pw9";
        };

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["password to check: "], prompts);
    }

    [Fact]
    public async Task A_windows_line_ending_on_stdin_is_not_part_of_the_candidate()
    {
        using var harness = new CliHarness { Input = "Bxk9!dTf\r\nsecond line\n" };
        harness.AddSecret("Bxk9!dTf");

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task A_candidate_on_the_command_line_is_refused_without_being_repeated()
    {
        using var harness = new CliHarness();
        harness.AddSecret("Argv-Secret7!");

        var result = await harness.RunAsync("password", "check", "Argv-Secret7!");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("never taken from the command line", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_password_option_is_refused_without_being_repeated()
    {
        using var harness = new CliHarness();
        harness.AddSecret("Option-Secret7!");

        var result = await harness.RunAsync("password", "check", "--password", "Option-Secret7!");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("amt: passwords are never accepted on the command line", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n")]
    public async Task Nothing_on_stdin_is_a_usage_error(string? input)
    {
        using var harness = new CliHarness { Input = input };

        var result = await harness.RunAsync("password", "check");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("amt: no password on standard input: pipe it in (one line), or run amt password check at a terminal to type it", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Password_alone_asks_for_the_check_verb()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("password");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("amt: amt password needs a command: check (see: amt password --help)", Assert.Single(result.ErrorLines));
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
