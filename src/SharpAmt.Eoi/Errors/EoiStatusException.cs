using System.Globalization;
using SharpAmt.Transport;

namespace SharpAmt.Eoi;

/// <summary>The device answered an EOI call with a PT_STATUS other than success. The connection stays usable.</summary>
public sealed class EoiStatusException : AmtCommandException
{
    public EoiStatusException(string endpoint, string operation, uint status)
        : base($"{endpoint}: {operation}: {PtStatus.Name(status)} (0x{status.ToString("X", CultureInfo.InvariantCulture)})")
    {
        Endpoint = endpoint;
        Operation = operation;
        Status = status;
    }

    public string Endpoint { get; }

    /// <summary>The operation's wire name, e.g. <c>RemoteControl</c>.</summary>
    public string Operation { get; }

    public uint Status { get; }

    /// <summary>For example <c>PT_STATUS_INVALID_COMMAND</c>.</summary>
    public string StatusName => PtStatus.Name(Status);
}
