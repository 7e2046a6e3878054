using System.Globalization;

namespace SharpAmt;

/// <summary>Where a firmware version was read.</summary>
public enum VersionSource
{
    SoftwareIdentity,
    ServerHeader,

    /// <summary>EOI's SecurityAdministration GetCoreVersion.</summary>
    CoreVersion,
}

/// <summary>An AMT firmware version such as 12.0.67, with the build number when known.</summary>
public sealed record AmtVersion(int Major, int Minor, int Revision, int? Build, VersionSource Source)
{
    public const string ServerHeaderPrefix = "Intel(R) Active Management Technology ";

    /// <summary>Parses "12.0.67" or "12.0.67.1579".</summary>
    public static AmtVersion? TryParse(string? text, VersionSource source, int? build = null)
    {
        var parts = text?.Trim().Split('.') ?? [];
        if (parts.Length is < 3 or > 4)
        {
            return null;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new AmtVersion(numbers[0], numbers[1], numbers[2], parts.Length == 4 ? numbers[3] : build, source);
    }

    /// <summary>Reads the version from a Server header ("Intel(R) Active Management Technology 15.0.23.1706").</summary>
    public static AmtVersion? FromServerHeader(string? header) =>
        header is not null && header.StartsWith(ServerHeaderPrefix, StringComparison.Ordinal)
            ? TryParse(header[ServerHeaderPrefix.Length..], VersionSource.ServerHeader)
            : null;

    public bool IsAtLeast(int major, int minor = 0) => Major > major || Major == major && Minor >= minor;

    public override string ToString() =>
        Build is { } build ? $"{Major}.{Minor}.{Revision}.{build}" : $"{Major}.{Minor}.{Revision}";
}
