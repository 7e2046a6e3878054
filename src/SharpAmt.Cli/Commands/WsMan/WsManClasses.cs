using System.CommandLine;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>The CLASS argument: an AMT_, CIM_ or IPS_ class name, or a full resource URI.</summary>
internal static class WsManClasses
{
    public static Argument<string> CreateArgument()
    {
        var argument = new Argument<string>("CLASS") { Description = "Class name (AMT_*, CIM_*, IPS_*) or full resource URI" };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Check(result.Tokens[0].Value) is { } error)
            {
                result.AddError(error);
            }
        });
        return argument;
    }

    /// <summary>Null when <paramref name="classOrUri"/> names a class; otherwise why not.</summary>
    public static string? Check(string classOrUri)
    {
        try
        {
            var uri = ResourceUris.For(classOrUri);
            return ResourceUris.ClassName(uri).Length == 0 ? $"'{classOrUri}' names no class" : null;
        }
        catch (ArgumentException)
        {
            return $"'{classOrUri}' is neither a resource URI nor an AMT_, CIM_ or IPS_ class name";
        }
    }
}
