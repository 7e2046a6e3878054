using System.CommandLine;
using System.CommandLine.Parsing;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>Options and arguments the wsman verbs share.</summary>
internal static class WsManOptions
{
    public static readonly Option<bool> Xml = new("--xml")
    {
        Description = "Print the objects as XML",
        Recursive = true,
    };

    public static readonly Option<string[]> Selector = CreateSelector();

    /// <summary>NAME=VALUE words; <paramref name="allowReferences"/> lets values be <c>ref:CLASS?K=V</c>.</summary>
    public static Argument<string[]> CreateAssignments(string name, string description, ArgumentArity arity, bool allowReferences)
    {
        var argument = new Argument<string[]>(name) { Description = description, Arity = arity };
        argument.Validators.Add(result => Validate(result, allowReferences));
        return argument;
    }

    /// <summary>Added by each verb: validators run on the innermost command only.</summary>
    public static void RejectXmlWithJson(CommandResult result)
    {
        if (result.GetResult(Xml) is not null && result.GetResult(CommonOptions.Json) is not null)
        {
            result.AddError("--xml and --json exclude each other");
        }
    }

    public static SelectorSet Selectors(IEnumerable<string>? words) =>
        new(Assignment.ParseAll(words).Select(assignment => new Selector(assignment.Name, assignment.Value)));

    private static Option<string[]> CreateSelector()
    {
        var option = new Option<string[]>("--selector", "-s")
        {
            Description = "Selects the instance by key (repeatable)",
            HelpName = "KEY=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result => Validate(result, allowReferences: false));
        return option;
    }

    private static void Validate(SymbolResult result, bool allowReferences)
    {
        foreach (var token in result.Tokens)
        {
            var assignment = Assignment.TryParse(token.Value, out var error);
            if (assignment is not null && allowReferences && ReferenceArgument.IsReference(assignment.Value))
            {
                ReferenceArgument.TryParse(assignment.Value, out error);
            }

            if (error is not null)
            {
                result.AddError(error);
                return;
            }
        }
    }
}
