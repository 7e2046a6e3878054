using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>
/// The IDE channel as the host model sees it: whether an IDE-R session is attached and has enabled its drives
/// (with which start mode), and the way to send the drives ATAPI commands and to reset them. One session at a
/// time; everything here is safe to call from any task.
/// </summary>
public sealed class IderHostPort
{
    private readonly Lock _sync = new();
    private IderDeviceConnection? _connection;

    /// <summary>Raised after a session attaches, enables its drives, or goes away.</summary>
    public event Action? StateChanged;

    public bool IsAttached
    {
        get
        {
            lock (_sync)
            {
                return _connection is not null;
            }
        }
    }

    /// <summary>The attached session has enabled IDE-R with a 0x48 set request.</summary>
    public bool IsEnabled => Current?.Enabled ?? false;

    /// <summary>The start mode of the last enable (now, graceful, or on the next boot); None when not enabled.</summary>
    public IderStartMode StartMode => Current is { Enabled: true } connection ? connection.StartMode : IderStartMode.None;

    private IderDeviceConnection? Current
    {
        get
        {
            lock (_sync)
            {
                return _connection;
            }
        }
    }

    /// <summary>
    /// Sends ATAPI commands to one drive of the session attached now (see <see cref="SendAsync"/>). It stays bound to
    /// that session: once it ends, every command fails with the reason it ended, even if another session attaches,
    /// since a host reading a medium does not carry on with another one.
    /// </summary>
    public AtapiCommandSender CommandSender(IderHostDrive drive)
    {
        var connection = Current;
        return (cdb, data, cancellationToken) =>
            (connection ?? throw new AtapiHostException("no IDE-R session is attached")).SendCommandAsync(drive, cdb, data, cancellationToken);
    }

    /// <summary>
    /// Writes one command (0x50) and waits, bounded, for its data (0x54) and status; one command at a time.
    /// </summary>
    /// <exception cref="AtapiHostException">No session, the session ended or the device was reset meanwhile, or no answer in time.</exception>
    public ValueTask<AtapiReply> SendAsync(IderHostDrive drive, AtapiCdb cdb, Memory<byte> data, CancellationToken cancellationToken = default) =>
        (Current ?? throw new AtapiHostException("no IDE-R session is attached")).SendCommandAsync(drive, cdb, data, cancellationToken);

    /// <summary>Resets the IDE channel (0x46) and waits, bounded, for the client's 0x47; a command in progress fails.</summary>
    /// <exception cref="AtapiHostException">No session, the session ended, or no 0x47 in time.</exception>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        (Current ?? throw new AtapiHostException("no IDE-R session is attached")).ResetAsync(cancellationToken);

    internal bool TryAttach(IderDeviceConnection connection)
    {
        lock (_sync)
        {
            if (_connection is not null)
            {
                return false;
            }

            _connection = connection;
        }

        RaiseStateChanged();
        return true;
    }

    internal void Detach(IderDeviceConnection connection)
    {
        lock (_sync)
        {
            if (_connection != connection)
            {
                return;
            }

            _connection = null;
        }

        RaiseStateChanged();
    }

    internal void RaiseStateChanged() => StateChanged?.Invoke();
}
