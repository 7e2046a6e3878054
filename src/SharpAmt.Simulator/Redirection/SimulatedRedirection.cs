using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Wire;
using SharpAmt.Simulator.Host;
using SharpAmt.Transport.Digest;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Redirection;

/// <summary>
/// Composes the device side of the redirection protocol with this device's state: its accounts and nonces,
/// its firmware version, the host's serial port for SOL, the IDE-R drives the host boots from, and the switches
/// of AMT_RedirectionService.
/// </summary>
internal static class SimulatedRedirection
{
    public static RedirectionDeviceOptions Create(SimulatedDevice device)
    {
        var version = device.Firmware.Version;
        var major = (byte)version.Major;
        var minor = (byte)version.Minor;
        var sol = new SolDeviceFeature(new SerialPortAdapter(device), () => device.Redirection.SolEnabled)
        {
            FirmwareMajor = major,
            FirmwareMinor = minor,
        };
        var ider = new IderDeviceFeature(() => device.Redirection.IderEnabled, device.IderDrives)
        {
            FirmwareMajor = major,
            FirmwareMinor = minor,
        };
        device.Console.BootMedia = new IderBootMedia(ider.Port, device.Host);
        return new RedirectionDeviceOptions
        {
            Accounts = new AccountsAdapter(device.Accounts, device.Nonces),
            FirmwareMajor = major,
            FirmwareMinor = minor,
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature>
            {
                [RedirectionSessionType.Sol] = sol,
                [RedirectionSessionType.Ider] = ider,
            },
            Log = device.RaiseSecurity,
        };
    }

    private sealed class AccountsAdapter(DeviceAccounts accounts, DigestNonceStore nonces) : IRedirectionAccounts
    {
        public string Realm => accounts.Realm;

        public bool IsLockedOut => accounts.IsLockedOut;

        public string? FindHa1(string user) => accounts.FindHa1(user);

        public void RecordFailure() => accounts.RecordFailure();

        public void RecordSuccess() => accounts.RecordSuccess();

        public string IssueNonce() => nonces.Issue();

        public bool UseNonce(string nonce) => nonces.Use(nonce) == NonceState.Fresh;
    }

    private sealed class SerialPortAdapter(SimulatedDevice device) : ISolHostPort
    {
        public bool IsAttached => device.SerialPort.IsAttached;

        public bool HostPoweredOn => device.Host.PowerState == CimPowerState.On;

        public IDisposable? TryAttach(Func<ReadOnlyMemory<byte>, ValueTask> toRemote) => device.SerialPort.TryAttach(toRemote);

        public void RemoteInput(ReadOnlySpan<byte> data) => device.SerialPort.RemoteInput(data);
    }
}
