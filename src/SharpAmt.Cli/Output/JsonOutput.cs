using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SharpAmt.Cli.Infrastructure;
using Spectre.Console;

namespace SharpAmt.Cli.Output;

/// <summary>Results for scripts: one JSON document per result on stdout, from source-generated metadata.</summary>
internal sealed class JsonOutput : CliOutput
{
    public JsonOutput(CliEnvironment environment)
        : base(environment)
    {
    }

    public override bool IsJson => true;

    public override void Result<T>(T value, JsonTypeInfo<T> json, Action<IAnsiConsole> human)
    {
        Environment.Out.WriteLine(JsonSerializer.Serialize(value, json));
        Environment.Out.Flush();
    }
}
