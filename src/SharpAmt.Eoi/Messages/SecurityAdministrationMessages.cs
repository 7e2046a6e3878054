using SharpAmt.Eoi.Wire;

namespace SharpAmt.Eoi.Messages;

/// <summary>The SecurityAdministration calls and replies, typed, for the client and the device alike.</summary>
public static class SecurityAdministrationMessages
{
    public const string Version = "Version";

    public static EoiRequest GetCoreVersion() => new(EoiOperations.GetCoreVersion);

    /// <summary>The reply: the version as <c>major.minor.build</c>, e.g. <c>5.2.70</c>.</summary>
    public static EoiResponse CoreVersion(string version) => new(EoiOperations.GetCoreVersion, EoiElement.Leaf(Version, version));

    public static string ReadCoreVersion(EoiResponse response) =>
        EoiValues.Text(EoiValues.Required(response.OutParameters, Version, response.Operation.ResponseName));
}
