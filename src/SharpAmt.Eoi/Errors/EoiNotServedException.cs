using SharpAmt.Transport;

namespace SharpAmt.Eoi;

/// <summary>
/// The device has no EOI service at the path (HTTP 404): AMT 9 and later removed EOI, so such a device is managed
/// over WS-Management instead.
/// </summary>
public sealed class EoiNotServedException : AmtCommandException
{
    public EoiNotServedException(string endpoint, string path, int httpStatus)
        : base($"{endpoint}: the device does not serve EOI at {path} (HTTP {httpStatus}); AMT 9 and later speak WS-Management only")
    {
        Endpoint = endpoint;
        Path = path;
        HttpStatus = httpStatus;
    }

    public string Endpoint { get; }

    public string Path { get; }

    public int HttpStatus { get; }
}
