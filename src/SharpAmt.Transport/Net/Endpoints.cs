using System.Globalization;

namespace SharpAmt.Transport.Net;

public static class Endpoints
{
    /// <summary>host:port, with IPv6 literals bracketed.</summary>
    public static string Format(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 10 || span.TotalSeconds == Math.Floor(span.TotalSeconds)
            ? $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"
            : $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
