using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;

namespace SharpAmt.Simulator.Redirection;

/// <summary>
/// The IDE-R drives as the simulated BIOS boots from them: when a boot goes to the IDE-R CD or floppy and a session
/// is attached with its drives enabled, the host reads the medium through the session (the BIOS's commands, then
/// the whole image as an installer would) and reports its label, size and SHA-256. A session enabled "on the next
/// boot" serves only boots that start after it enabled the drives.
/// </summary>
internal sealed class IderBootMedia : IBootMedia
{
    private readonly IderHostPort _port;
    private readonly SimulatedHost _host;
    private readonly Lock _sync = new();
    private bool _wasEnabled;
    private BootRecord? _bootWhenEnabled;

    public IderBootMedia(IderHostPort port, SimulatedHost host)
    {
        _port = port;
        _host = host;
        port.StateChanged += OnPortChanged;
    }

    public async ValueTask<BootMediaImage?> ReadAsync(BootDevice device, CancellationToken cancellationToken = default)
    {
        if (device is not (BootDevice.IderCd or BootDevice.IderFloppy) || !_port.IsAttached || !_port.IsEnabled)
        {
            return null;
        }

        if (_port.StartMode == IderStartMode.OnReboot)
        {
            lock (_sync)
            {
                // Enabled during this very boot: the drives appear only from the next one.
                if (ReferenceEquals(_bootWhenEnabled, _host.LastBoot))
                {
                    return null;
                }
            }
        }

        var drive = device == BootDevice.IderCd ? IderHostDrive.Cdrom : IderHostDrive.Floppy;
        var host = new SimulatedAtapiHost(_port.CommandSender(drive));
        try
        {
            var report = drive == IderHostDrive.Cdrom
                ? await host.BootCdAsync(cancellationToken).ConfigureAwait(false)
                : await host.ReadFloppyAsync(cancellationToken).ConfigureAwait(false);
            return new BootMediaImage(report.VolumeLabel ?? "", report.BytesRead, report.Sha256);
        }
        catch (Exception exception) when (exception is AtapiHostException or AmtException)
        {
            throw new BootMediaException(exception.Message, exception);
        }
    }

    private void OnPortChanged()
    {
        var enabled = _port.IsEnabled;
        lock (_sync)
        {
            if (enabled && !_wasEnabled)
            {
                _bootWhenEnabled = _host.LastBoot;
            }

            _wasEnabled = enabled;
        }
    }
}
