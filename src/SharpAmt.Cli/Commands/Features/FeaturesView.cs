using System.Text.Json.Serialization;

namespace SharpAmt.Cli.Commands.Features;

/// <summary>Redirection features; <see cref="Kvm"/> is null on devices without KVM.</summary>
internal sealed record FeaturesView(string Endpoint, bool RedirectionListener, bool Sol, bool Ider, bool? Kvm)
{
    public static FeaturesView From(string endpoint, RedirectionFeatures features) =>
        new(endpoint, features.Listener, features.Sol, features.Ider, features.Kvm);

    /// <summary>A feature is on but nothing can connect to it.</summary>
    [JsonIgnore]
    public bool ListenerBlocksFeatures => !RedirectionListener && (Sol || Ider || Kvm == true);
}
