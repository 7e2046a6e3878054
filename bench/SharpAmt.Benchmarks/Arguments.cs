using System.Globalization;

namespace SharpAmt.Benchmarks;

internal static class Arguments
{
    public static string Value(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static int Number(string[] args, string name, int fallback) =>
        int.Parse(Value(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
