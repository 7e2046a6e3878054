using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Device;

/// <summary>
/// User consent as the device enforces it (reference section 4.4): whether a session of a kind may start, and
/// the hold a running session keeps on the grant. Which kinds need consent is the policy's business.
/// </summary>
public interface IRedirectionConsent
{
    /// <summary>True when a session of this kind needs no consent now, or consent was granted or is in use.</summary>
    bool Permits(RedirectionSessionType session);

    /// <summary>
    /// Starts a session under the consent it needs; null when it may not start. Disposing the result ends the
    /// session's hold (a session that needed no consent gets a hold that changes nothing).
    /// </summary>
    IDisposable? TryBeginSession(RedirectionSessionType session);
}
