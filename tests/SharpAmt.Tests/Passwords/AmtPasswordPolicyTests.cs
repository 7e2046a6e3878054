using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Passwords;
using Xunit;

namespace SharpAmt.Tests.Passwords;

public sealed class AmtPasswordPolicyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static PasswordRule[] Rules(string candidate) => [.. AmtPasswordPolicy.Check(candidate).Problems.Select(problem => problem.Rule)];

    [Fact]
    public void Every_password_built_to_the_rules_meets_them() =>
        Check.One(Runs, Prop.ForAll(PasswordGenerators.Valid.ToArbitrary(), candidate =>
        {
            var report = AmtPasswordPolicy.Check(candidate);
            Assert.True(report.MeetsRules, $"{candidate}: {string.Join("; ", report.Problems)}");
        }));

    [Fact]
    public void Each_rule_is_reported_exactly_when_it_is_broken() =>
        Check.One(Runs, Prop.ForAll(PasswordGenerators.Any.ToArbitrary(), candidate =>
        {
            var rules = Rules(candidate);

            Assert.Equal(candidate.Length < 8, rules.Contains(PasswordRule.TooShort));
            Assert.Equal(candidate.Length > 32, rules.Contains(PasswordRule.TooLong));
            Assert.Equal(candidate.Any(c => c is < ' ' or > '~'), rules.Contains(PasswordRule.NotPrintableAscii));
            Assert.Equal(candidate.Any(c => c is ':' or ',' or '"'), rules.Contains(PasswordRule.ForbiddenCharacter));
            Assert.Equal(!candidate.Any(c => c is >= '0' and <= '9'), rules.Contains(PasswordRule.NoDigit));
            Assert.Equal(!candidate.Any(c => c is >= 'a' and <= 'z'), rules.Contains(PasswordRule.NoLowercase));
            Assert.Equal(!candidate.Any(c => c is >= 'A' and <= 'Z'), rules.Contains(PasswordRule.NoUppercase));
            Assert.Equal(!candidate.Any(PasswordGenerators.Symbols.Contains), rules.Contains(PasswordRule.NoSymbol));
            Assert.Equal(rules.Length, rules.Distinct().Count());
        }));

    [Fact]
    public void Breaking_one_rule_of_a_valid_password_is_reported_as_that_rule_alone() =>
        Check.One(Runs, Prop.ForAll(PasswordGenerators.Valid.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (candidate, which) =>
        {
            var (cls, replacement, rule) = which switch
            {
                0 => (PasswordGenerators.Digits, 'x', PasswordRule.NoDigit),
                1 => (PasswordGenerators.Lower, '7', PasswordRule.NoLowercase),
                2 => (PasswordGenerators.Upper, 'k', PasswordRule.NoUppercase),
                _ => (PasswordGenerators.Symbols, '_', PasswordRule.NoSymbol),
            };
            var broken = new string([.. candidate.Select(c => cls.Contains(c) ? replacement : c)]);
            var rules = Rules(broken);

            // Replacing may also remove the last character of another class; only the target rule is certain.
            Assert.Contains(rule, rules);
            Assert.DoesNotContain(PasswordRule.TooShort, rules);
            Assert.DoesNotContain(PasswordRule.ForbiddenCharacter, rules);
        }));

    [Fact]
    public void No_message_quotes_the_candidate() =>
        Check.One(Runs, Prop.ForAll(PasswordGenerators.Any.Where(candidate => candidate.Length >= 8).ToArbitrary(), candidate =>
        {
            var report = AmtPasswordPolicy.Check(candidate);
            var text = string.Join("\n", report.Problems.Select(problem => problem.Message).Concat(report.Warnings.Select(warning => warning.Message)));
            Assert.DoesNotContain(candidate, text, StringComparison.Ordinal);
        }));

    [Fact]
    public void Layout_warnings_name_only_characters_of_the_candidate_once_each() =>
        Check.One(Runs, Prop.ForAll(PasswordGenerators.Any.ToArbitrary(), candidate =>
        {
            foreach (var warning in AmtPasswordPolicy.Check(candidate).Warnings)
            {
                Assert.NotEmpty(warning.Characters);
                Assert.All(warning.Characters, remap => Assert.Contains(remap.Character, candidate));
                Assert.All(warning.Characters, remap => Assert.NotEqual(remap.Character.ToString(), remap.TypeAs));
                Assert.Equal(warning.Characters.Count, warning.Characters.Select(remap => remap.Character).Distinct().Count());
            }
        }));

    [Theory]
    [InlineData("Ab1!xyz", new[] { PasswordRule.TooShort })]
    [InlineData("Ab1!xyzw", new PasswordRule[0])]
    [InlineData("Ab1!xyzwAb1!xyzwAb1!xyzwAb1!xyzw", new PasswordRule[0])]
    [InlineData("Ab1!xyzwAb1!xyzwAb1!xyzwAb1!xyzwQ", new[] { PasswordRule.TooLong })]
    public void Length_boundaries_are_8_and_32(string candidate, PasswordRule[] expected)
    {
        Assert.Equal(expected, Rules(candidate));
        Assert.Equal(expected.Length == 0, AmtPasswordPolicy.Check(candidate).MeetsRules);
    }

    [Theory]
    [InlineData("Abcdef12_")]
    [InlineData("Abcdef12 ")]
    [InlineData("Ab cd_ef 12")]
    public void Underscore_and_space_are_allowed_but_do_not_count_as_symbols(string candidate) =>
        Assert.Equal([PasswordRule.NoSymbol], Rules(candidate));

    [Theory]
    [InlineData("Abcdef12!:", "has ':', which AMT refuses (no ':', ',' or '\"')")]
    [InlineData("Abcdef12!,", "has ',', which AMT refuses (no ':', ',' or '\"')")]
    [InlineData("Abcdef12!\"", "has '\"', which AMT refuses (no ':', ',' or '\"')")]
    [InlineData("Ab:cd,ef12!", "has ':' and ',', which AMT refuses (no ':', ',' or '\"')")]
    public void Each_refused_character_is_reported(string candidate, string message) =>
        Assert.Equal([new PasswordProblem(PasswordRule.ForbiddenCharacter, message)], AmtPasswordPolicy.Check(candidate).Problems);

    [Fact]
    public void A_refused_character_does_not_count_as_the_symbol() =>
        Assert.Equal([PasswordRule.ForbiddenCharacter, PasswordRule.NoSymbol], Rules("Abcdef12:"));

    [Theory]
    [InlineData("Abcdef12!é")]
    [InlineData("Abcdef12!\t")]
    [InlineData("Abcdef12!\u007f")]
    [InlineData("Abcdef12!\0")]
    [InlineData("Abcdef12!€")]
    [InlineData("Abcdef12!\u00a0")]
    public void Anything_outside_printable_ascii_is_refused(string candidate) =>
        Assert.Equal([PasswordRule.NotPrintableAscii], Rules(candidate));

    [Fact]
    public void Characters_beyond_the_basic_plane_count_once_for_the_length() =>
        Assert.Equal([PasswordRule.TooShort, PasswordRule.NotPrintableAscii], Rules("Ab1!xy\U0001F600"));

    [Fact]
    public void An_empty_candidate_breaks_every_class_rule() =>
        Assert.Equal([PasswordRule.TooShort, PasswordRule.NoDigit, PasswordRule.NoLowercase, PasswordRule.NoUppercase, PasswordRule.NoSymbol], Rules(""));

    [Fact]
    public void Messages_explain_each_rule()
    {
        var problems = AmtPasswordPolicy.Check("aaaa").Problems.Select(problem => problem.Message);

        Assert.Equal(
        [
            "has fewer than 8 characters (AMT needs 8 to 32)",
            "needs at least one digit (0-9)",
            "needs at least one upper-case letter (A-Z)",
            "needs at least one symbol such as ! @ # $ % (the underscore and the space do not count)",
        ], problems);
    }
}
