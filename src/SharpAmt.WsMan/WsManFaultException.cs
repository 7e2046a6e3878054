using SharpAmt.Transport;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan;

/// <summary>The device answered a WS-Man request with a SOAP fault, or with a bare HTTP 400.</summary>
public sealed class WsManFaultException : AmtCommandException
{
    public WsManFaultException(WsManFault fault, int httpStatus = 400, string? context = null)
        : base(context is null ? $"{fault.Subcode}: {fault.Reason}" : $"{context}: {fault.Subcode}: {fault.Reason}")
    {
        Fault = fault;
        HttpStatus = httpStatus;
    }

    public WsManFault Fault { get; }

    public int HttpStatus { get; }

    /// <summary>
    /// True when the fault means the class, instance or action does not exist on this device: real consoles
    /// treat a 400 of this kind as "feature absent" (no KVM on Standard Manageability, for example).
    /// </summary>
    public bool MeansNotPresent => HttpStatus == 400 && Fault.Subcode is "DestinationUnreachable" or "ActionNotSupported" or HttpBadRequestSubcode;

    /// <summary>The subcode given to a 400 that carried no SOAP fault.</summary>
    public const string HttpBadRequestSubcode = "HttpBadRequest";
}
