namespace SharpAmt.Transport;

/// <summary>The peer broke the wire format. The connection it came on is no longer used.</summary>
public sealed class AmtProtocolException : AmtException
{
    public AmtProtocolException(ProtocolViolation violation, string? detail = null, string? endpoint = null, Exception? innerException = null)
        : base(FormatMessage(violation, detail, endpoint), innerException)
    {
        Violation = violation;
        Detail = detail;
        Endpoint = endpoint;
    }

    public ProtocolViolation Violation { get; }

    public string? Detail { get; }

    public string? Endpoint { get; }

    /// <summary>The same violation, attributed to the device it came from.</summary>
    public AmtProtocolException WithEndpoint(string endpoint) =>
        Endpoint is not null ? this : new AmtProtocolException(Violation, Detail, endpoint, InnerException);

    private static string FormatMessage(ProtocolViolation violation, string? detail, string? endpoint) =>
        (endpoint is null ? "" : endpoint + ": ") + ProtocolViolationText.Describe(violation) + (detail is null ? "" : ": " + detail);
}
