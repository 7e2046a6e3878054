using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SharpAmt.Cli.Commands.Consent;
using SharpAmt.Cli.Commands.Features;
using SharpAmt.Cli.Commands.Info;
using SharpAmt.Cli.Commands.Power;

namespace SharpAmt.Cli.Output;

/// <summary>
/// Source-generated JSON metadata for every result amt prints: no reflection at start-up, and the property
/// names (camelCase) are fixed at compile time, which keeps them stable for scripts.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(InfoView))]
[JsonSerializable(typeof(PowerStatusView))]
[JsonSerializable(typeof(PowerActionView))]
[JsonSerializable(typeof(FeaturesView))]
[JsonSerializable(typeof(ConsentView))]
[JsonSerializable(typeof(Commands.Net.NetView))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
