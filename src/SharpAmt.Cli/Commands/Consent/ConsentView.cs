using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Consent;

/// <param name="CodeDisplay">The display the code appears on, from 0; null when the device does not say.</param>
internal sealed record ConsentView(string Endpoint, string Policy, string State, bool CanModifyPolicy, int CodeTimeoutSeconds, int DisplayTimeoutSeconds, int? CodeDisplay)
{
    public static ConsentView From(string endpoint, ConsentStatus status) => new(
        endpoint, Names.Of(status.Policy), Names.Of(status.State), status.CanModifyPolicy, status.CodeTimeoutSeconds, status.DisplayTimeoutSeconds, status.CodeDisplay);

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
                .Row("Display timeout", $"{view.DisplayTimeoutSeconds} s")
                .Row("Code appears on", view.CodeDisplay is { } display ? Names.Display(display) : "not reported")));
            if (note is not null)
            {
                console.WriteLine(note);
            }
        });
    }
}
