using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Device;

/// <summary>Where a device feature takes its session's hold on user consent, enforced or not.</summary>
internal static class ConsentHolds
{
    private static readonly IDisposable Unenforced = new NoHold();

    /// <summary>The session's hold; null when consent is enforced and does not permit the session now.</summary>
    public static IDisposable? Begin(IRedirectionConsent? consent, RedirectionSessionType session) =>
        consent is null ? Unenforced : consent.TryBeginSession(session);

    private sealed class NoHold : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
