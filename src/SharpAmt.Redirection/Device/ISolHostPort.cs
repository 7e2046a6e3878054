namespace SharpAmt.Redirection.Device;

/// <summary>The host's serial port as the device's SOL side sees it: one attached session at a time.</summary>
public interface ISolHostPort
{
    bool IsAttached { get; }

    /// <summary>Whether the host is powered on (the power bit of 0x29).</summary>
    bool HostPoweredOn { get; }

    /// <summary>Attaches a session receiving the host's output; null when another session holds the port.</summary>
    IDisposable? TryAttach(Func<ReadOnlyMemory<byte>, ValueTask> toRemote);

    /// <summary>Delivers keystrokes from the client to the host.</summary>
    void RemoteInput(ReadOnlySpan<byte> data);
}
