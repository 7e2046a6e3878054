namespace SharpAmt.Eoi.Device;

/// <summary>Thrown by an <see cref="IEoiService"/> to answer with a PT_STATUS other than success.</summary>
public sealed class EoiRefusedException : Exception
{
    public EoiRefusedException(uint status, string? reason = null)
        : base(reason ?? PtStatus.Name(status))
    {
        Status = status;
    }

    public uint Status { get; }
}
