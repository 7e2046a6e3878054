using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Kvm.Device;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Wire;
using SharpAmt.Simulator.Host;
using SharpAmt.Transport.Digest;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Redirection;

/// <summary>
/// Composes the device side of the redirection protocol with this device's state: its accounts and nonces,
/// its firmware version, the host's serial port for SOL, the IDE-R drives the host boots from, the switches
/// of AMT_RedirectionService, and user consent.
/// <para>
/// Consent is refused per kind where the evidence puts it: SOL and IDE-R at the start (0x11 status
/// USER_CONSENT_REQUIRED, before the login: what MeshCommander's IDE-R recognises, and by analogy for SOL), KVM
/// after the login by closing the connection (unconfirmed; see <see cref="KvmDeviceFeature"/>). Whether firmware
/// answers KVM with status 5 too is not known.
/// </para>
/// </summary>
internal static class SimulatedRedirection
{
    public static RedirectionDeviceOptions Create(SimulatedDevice device)
    {
        var version = device.Firmware.Version;
        var major = (byte)version.Major;
        var minor = (byte)version.Minor;
        var consent = device.Firmware.HasUserConsent ? device.Consent : null;
        var sol = new SolDeviceFeature(new SerialPortAdapter(device), () => device.Redirection.SolEnabled)
        {
            FirmwareMajor = major,
            FirmwareMinor = minor,
            Consent = consent,
        };
        var ider = new IderDeviceFeature(() => device.Redirection.IderEnabled, device.IderDrives)
        {
            FirmwareMajor = major,
            FirmwareMinor = minor,
            Consent = consent,
        };
        device.Console.BootMedia = new IderBootMedia(ider.Port, device.Host);
        var kvm = CreateKvm(device);
        return new RedirectionDeviceOptions
        {
            Accounts = new AccountsAdapter(device.Accounts, device.Nonces),
            FirmwareMajor = major,
            FirmwareMinor = minor,
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature>
            {
                [RedirectionSessionType.Sol] = sol,
                [RedirectionSessionType.Ider] = ider,
                [RedirectionSessionType.Kvm] = kvm,
            },
            Log = device.RaiseSecurity,
        };
    }

    /// <summary>
    /// KVM serves the host's monitor that DefaultScreen selects, switching when it changes: refused (UNSUPPORTED) on firmware without KVM, when switched off in
    /// CIM_KVMRedirectionSAP or in MEBx; closed after the login while consent is required and not granted. A
    /// session runs under the granted consent (InSession) and the next one needs a new code. A session without keyboard
    /// or mouse input for SessionTimeout minutes (0: never) is closed, on the device's clock.
    /// </summary>
    private static KvmDeviceFeature CreateKvm(SimulatedDevice device)
    {
        // One KVM session at a time, so one hold; the session may start and end on different threads.
        IDisposable? hold = null;
        var feature = new KvmDeviceFeature(device.Screen.Kvm, () => KvmMayStart(device), RfbServerOptions.AmtKvm(device.Kvm.ZlibControlSupported) with { Log = device.RaiseSecurity })
        {
            OnSessionStart = () =>
            {
                Interlocked.Exchange(ref hold, device.Consent.TryBeginSession(RedirectionSessionType.Kvm))?.Dispose();
                device.RaiseSecurity("KVM session started");
            },
            OnSessionEnd = end =>
            {
                Interlocked.Exchange(ref hold, null)?.Dispose();
                device.RaiseSecurity(end == RfbSessionEnd.SessionTimeout
                    ? "KVM session ended (no keyboard or mouse input for the session timeout)"
                    : $"KVM session ended ({end})");
            },
            SessionTimeout = () => device.Kvm.SessionTimeout is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null,
            Time = device.Options.Time,
        };
        device.KvmFeature = feature;
        return feature;
    }

    private static KvmStartRefusal KvmMayStart(SimulatedDevice device) =>
        !device.Firmware.HasKvm || !device.Redirection.KvmEnabled || !device.Kvm.EnabledByMEBx ? KvmStartRefusal.Disabled
        : !device.Consent.Permits(RedirectionSessionType.Kvm) ? KvmStartRefusal.ConsentRequired
        : KvmStartRefusal.None;

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
