using System.Text.Json.Serialization;

namespace SharpAmt.Cli.Commands.Password;

/// <summary>Source-generated JSON for <c>amt password check</c>, with the same options as the other results.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PasswordCheckView))]
internal sealed partial class PasswordJsonContext : JsonSerializerContext
{
}
