namespace SharpAmt.Simulator.Host;

/// <summary>
/// The managed host's serial port that AMT redirects over SOL. The host side (BIOS, boot loader, OS console)
/// writes its output here and reads keystrokes; the redirection side attaches one SOL session at a time,
/// receives the output and delivers the remote keystrokes. Output written while no session is attached is
/// lost, as on real hardware.
/// </summary>
public sealed class HostSerialPort
{
    private readonly Lock _sync = new();
    private Func<ReadOnlyMemory<byte>, ValueTask>? _remote;

    /// <summary>Raised with each chunk of keystrokes a SOL client typed (on the redirection session's thread).</summary>
    public event Action<byte[]>? InputReceived;

    /// <summary>Whether a SOL session is attached now.</summary>
    public bool IsAttached
    {
        get
        {
            lock (_sync)
            {
                return _remote is not null;
            }
        }
    }

    /// <summary>
    /// Attaches a SOL session that receives the host's output from now on. Returns null when another session is
    /// attached (the device answers such a start as busy); dispose the result to detach.
    /// </summary>
    public IDisposable? TryAttach(Func<ReadOnlyMemory<byte>, ValueTask> toRemote)
    {
        lock (_sync)
        {
            if (_remote is not null)
            {
                return null;
            }

            _remote = toRemote;
            return new Attachment(this, toRemote);
        }
    }

    /// <summary>The host writes console output; it reaches the attached session, if any.</summary>
    public ValueTask HostWriteAsync(ReadOnlyMemory<byte> data)
    {
        Func<ReadOnlyMemory<byte>, ValueTask>? remote;
        lock (_sync)
        {
            remote = _remote;
        }

        return remote is null || data.IsEmpty ? ValueTask.CompletedTask : remote(data);
    }

    /// <summary>The redirection side delivers keystrokes typed by the SOL client.</summary>
    public void RemoteInput(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            InputReceived?.Invoke(data.ToArray());
        }
    }

    private void Detach(Func<ReadOnlyMemory<byte>, ValueTask> remote)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_remote, remote))
            {
                _remote = null;
            }
        }
    }

    private sealed class Attachment(HostSerialPort port, Func<ReadOnlyMemory<byte>, ValueTask> remote) : IDisposable
    {
        public void Dispose() => port.Detach(remote);
    }
}
