using System.Globalization;
using SharpAmt.Simulator;

namespace SharpAmt.Cli.Commands.Sim;

/// <summary>
/// One <c>--fault</c>: <c>slow=500ms</c> (delay every reply), <c>drop=N</c> (cut N replies short), <c>sleep=N</c>
/// (reset N connection attempts, like a sleeping ME), <c>stale=N</c> (nonces go stale after N uses),
/// <c>lockout=N</c> (lock logons after N failures; 0 never).
/// </summary>
internal sealed record FaultSpec(string Kind, int Count, TimeSpan Delay)
{
    public const string Help = "slow=500ms, drop=N, sleep=N, stale=N or lockout=N";

    public static FaultSpec? TryParse(string text, out string? error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var kind = equals < 0 ? text : text[..equals].ToLowerInvariant();
        var value = equals < 0 ? "" : text[(equals + 1)..];
        error = null;
        switch (kind)
        {
            case "slow" when TryParseDelay(value, out var delay):
                return new FaultSpec(kind, 0, delay);
            case "drop" or "sleep" or "stale" or "lockout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count):
                return new FaultSpec(kind, count, TimeSpan.Zero);
            default:
                error = $"invalid --fault '{text}'; expected {Help}";
                return null;
        }
    }

    public void ApplyTo(SimulatedDevice device)
    {
        switch (Kind)
        {
            case "slow":
                device.Faults.ReplyDelay = Delay;
                break;
            case "drop":
                device.Faults.DroppedReplies = Count;
                break;
            case "sleep":
                device.Faults.SleepingConnections = Count;
                break;
            case "stale":
                device.Faults.NonceUses = Count;
                break;
            case "lockout":
                device.Accounts.LockoutThreshold = Count;
                break;
        }
    }

    /// <summary>500ms, 2s, or a bare number of milliseconds; at most a minute, so a reply still beats any sane timeout.</summary>
    private static bool TryParseDelay(string text, out TimeSpan delay)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1)
            : text.EndsWith('s') ? (text[..^1], 1000)
            : (text, 1);
        var parsed = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value * scale <= 60_000;
        delay = parsed ? TimeSpan.FromMilliseconds(value * scale) : TimeSpan.Zero;
        return parsed;
    }
}
