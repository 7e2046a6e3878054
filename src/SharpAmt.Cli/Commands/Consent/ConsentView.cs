using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed record ConsentView(string Endpoint, string Policy, string State, bool CanModifyPolicy, int CodeTimeoutSeconds, int DisplayTimeoutSeconds)
{
    public static ConsentView From(string endpoint, ConsentStatus status) => new(
        endpoint, Names.Of(status.Policy), Names.Of(status.State), status.CanModifyPolicy, status.CodeTimeoutSeconds, status.DisplayTimeoutSeconds);

    public static void Show(CommandContext context, string endpoint, ConsentStatus status, string? note = null)
    {
        var view = From(endpoint, status);
        context.Output.Result(view, CliJsonContext.Default.ConsentView, console =>
        {
            console.Write(Tables.Titled($"User consent on {endpoint}", Tables.Properties()
                .Row("Policy", Names.Describe(status.Policy))
                .Row("State", view.State)
                .Row("Policy can be changed", view.CanModifyPolicy ? "yes" : "no (client control mode)")
                .Row("Code timeout", $"{view.CodeTimeoutSeconds} s")
                .Row("Display timeout", $"{view.DisplayTimeoutSeconds} s")));
            if (note is not null)
            {
                console.WriteLine(note);
            }
        });
    }
}
