namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Turns a bare host name into the name of its management interface (<c>{host}-bmc</c>), as sites often name
/// them. Names with a dot, IPv6 literals and <c>localhost</c> are used as given.
/// </summary>
internal static class HostTemplate
{
    public const string Placeholder = "{host}";

    public static string Validate(string template, string where) =>
        template.Contains(Placeholder, StringComparison.Ordinal)
            ? template
            : throw new Infrastructure.UsageException($"{where}: host-template '{template}' does not contain {Placeholder}");

    public static bool IsBareName(string host) =>
        !host.Contains('.', StringComparison.Ordinal)
        && !host.Contains(':', StringComparison.Ordinal)
        && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    public static string Apply(string? template, string host) =>
        template is not null && IsBareName(host) ? template.Replace(Placeholder, host, StringComparison.Ordinal) : host;
}
