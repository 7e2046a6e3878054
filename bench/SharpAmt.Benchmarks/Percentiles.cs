namespace SharpAmt.Benchmarks;

internal static class Percentiles
{
    /// <summary>The value below which <paramref name="fraction"/> of the sorted samples lie.</summary>
    public static double Of(List<double> sorted, double fraction) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
