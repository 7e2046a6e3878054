using System.Globalization;

namespace SharpAmt.Simulator.Firmware;

/// <summary>major.minor.build version of AMT firmware, comparable.</summary>
public readonly record struct FirmwareVersion(int Major, int Minor, int Revision = 0) : IComparable<FirmwareVersion>
{
    public static FirmwareVersion Parse(string text)
    {
        if (!TryParse(text, out var version))
        {
            throw new FormatException($"'{text}' is not a firmware version like 12.0.67");
        }

        return version;
    }

    public static bool TryParse(string? text, out FirmwareVersion version)
    {
        version = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length is < 2 or > 4)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < Math.Min(parts.Length, 3); i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new FirmwareVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(FirmwareVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Revision.CompareTo(other.Revision);

    public static bool operator <(FirmwareVersion left, FirmwareVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(FirmwareVersion left, FirmwareVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(FirmwareVersion left, FirmwareVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FirmwareVersion left, FirmwareVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Revision}";
}
