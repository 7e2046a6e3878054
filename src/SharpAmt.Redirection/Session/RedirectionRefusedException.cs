using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Session;

/// <summary>
/// The device answered a redirection start with a status other than success: the console is in use (BUSY),
/// the feature is off or absent (UNSUPPORTED, TYPE_UNKNOWN), or the session needs user consent that was not
/// granted (USER_CONSENT_REQUIRED).
/// </summary>
public sealed class RedirectionRefusedException : AmtCommandException
{
    public RedirectionRefusedException(string endpoint, RedirectionSessionType session, RedirectionStatus status)
        : base(Describe(endpoint, session, status))
    {
        Endpoint = endpoint;
        Session = session;
        Status = status;
    }

    public string Endpoint { get; }

    public RedirectionSessionType Session { get; }

    public RedirectionStatus Status { get; }

    /// <summary>Another session holds the console; trying later may succeed.</summary>
    public bool IsBusy => Status == RedirectionStatus.Busy;

    /// <summary>The consent policy requires a code from the host's screen first (IPS_OptInService).</summary>
    public bool IsConsentRequired => Status == RedirectionStatus.UserConsentRequired;

    private static string Describe(string endpoint, RedirectionSessionType session, RedirectionStatus status)
    {
        var name = Name(session);
        return status switch
        {
            RedirectionStatus.Busy => $"{endpoint}: the {name} is in use by another session (device answered BUSY)",
            RedirectionStatus.Unsupported => $"{endpoint}: {name} is disabled or not supported on this device (device answered UNSUPPORTED); enable it with amt features",
            RedirectionStatus.TypeUnknown => $"{endpoint}: the device does not know the {name} redirection type (TYPE_UNKNOWN)",
            RedirectionStatus.UserConsentRequired => $"{endpoint}: the {name} needs user consent, which has not been granted (device answered USER_CONSENT_REQUIRED)",
            _ => $"{endpoint}: the device refused the {name} session (status 0x{(byte)status:X2})",
        };
    }

    private static string Name(RedirectionSessionType session) => session switch
    {
        RedirectionSessionType.Sol => "serial-over-LAN console",
        RedirectionSessionType.Ider => "IDE redirection",
        _ => "KVM session",
    };
}
