using System.Text.Json.Serialization;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>Source-generated JSON for the <c>amt kvm</c> results, with the same options as the other results.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(KvmSettingsView))]
[JsonSerializable(typeof(KvmRunView))]
internal sealed partial class KvmJsonContext : JsonSerializerContext
{
}
