using SharpAmt.Transport;

namespace SharpAmt.Eoi;

/// <summary>The device answered an EOI call with a SOAP fault: it did not understand the call.</summary>
public sealed class EoiFaultException : AmtCommandException
{
    public EoiFaultException(string endpoint, string operation, string code, string reason, int httpStatus)
        : base($"{endpoint}: {operation}: SOAP fault {code}: {OneLine(reason)}")
    {
        Endpoint = endpoint;
        Operation = operation;
        Code = code;
        Reason = reason;
        HttpStatus = httpStatus;
    }

    public string Endpoint { get; }

    public string Operation { get; }

    /// <summary>The faultcode without its prefix: <c>Client</c> or <c>Server</c>.</summary>
    public string Code { get; }

    public string Reason { get; }

    public int HttpStatus { get; }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
