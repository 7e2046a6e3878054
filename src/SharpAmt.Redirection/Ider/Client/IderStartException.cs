using SharpAmt.Transport;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>The device accepted the IDE-R connection but refused to open it (0x41 status) or to enable the drives (0x49 value).</summary>
public sealed class IderStartException : AmtCommandException
{
    public IderStartException(string message)
        : base(message)
    {
    }
}
