using System.CommandLine;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Passwords;

namespace SharpAmt.Cli.Commands.Password;

/// <summary>
/// <c>amt password check</c>: whether a candidate meets AMT's rules, and which of its characters sit on other
/// keys of UK, German and French keyboards (MEBx reads a US layout). The candidate comes from standard input
/// when piped, else from a prompt without echo; never from the command line, and it is never printed.
/// </summary>
internal sealed class PasswordCheckCommand : AmtCommand
{
    /// <summary>The candidate breaks a rule: 1, like any check that fails.</summary>
    public const int RulesNotMet = 1;

    /// <summary>Declared only to refuse it: an unknown word would be quoted back in the parse error.</summary>
    public static readonly Argument<string[]> Candidate = CreateCandidateTrap();

    public PasswordCheckCommand()
        : base("check", "Check a candidate password against AMT's rules and warn about keys that move on UK, German and French keyboards; " +
            "reads it from standard input, or asks without echo at a terminal")
    {
        Arguments.Add(Candidate);
        Options.Add(CommonOptions.Password);
    }

    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var environment = context.Environment;
        var candidate = environment.InputIsTerminal
            ? environment.ReadSecret("password to check: ", cancellationToken)
            : environment.In.ReadLine();
        if (string.IsNullOrEmpty(candidate))
        {
            throw new UsageException(environment.InputIsTerminal
                ? "no password entered"
                : "no password on standard input: pipe it in (one line), or run amt password check at a terminal to type it");
        }

        var view = PasswordCheckView.From(AmtPasswordPolicy.Check(candidate));
        if (context.Output.IsJson)
        {
            context.Output.Result(view, PasswordJsonContext.Default.PasswordCheckView, _ => { });
        }
        else
        {
            // Plain lines rather than Spectre text, which would wrap a long warning onto a second line.
            context.Output.Line(view.MeetsRules ? "meets AMT's password rules" : "does not meet AMT's password rules");
            foreach (var problem in view.Problems)
            {
                context.Output.Line($"problem: {problem.Message}");
            }

            foreach (var warning in view.Warnings)
            {
                context.Output.Line($"warning: {warning.Message}");
            }
        }

        return Task.FromResult(view.MeetsRules ? ExitCodes.Success : RulesNotMet);
    }

    private static Argument<string[]> CreateCandidateTrap()
    {
        var argument = new Argument<string[]>("PASSWORD")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Hidden = true,
        };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                result.AddError(
                    "the password to check is never taken from the command line, where the process list and shell history would keep it; " +
                    "pipe it on standard input or run amt password check at a terminal to type it");
            }
        });
        return argument;
    }
}
