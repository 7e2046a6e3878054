using System.Net;
using SharpAmt.Eoi.Device;
using SharpAmt.Simulator.Catalogue;
using SharpAmt.Simulator.Classes;
using SharpAmt.Simulator.Eoi;
using SharpAmt.Simulator.Faults;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Simulator.Http;
using SharpAmt.Simulator.Redirection;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http.Device;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Device;

namespace SharpAmt.Simulator;

/// <summary>
/// One simulated Intel AMT device on its own loopback address: the ME's web server on 16992 (unless the
/// firmware is TLS-only) and 16993, the redirection ports 16994 (likewise) and 16995, and the state behind it.
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    /// <summary>How long an address change waits, so the reply that made it leaves on the old address first.</summary>
    private static readonly TimeSpan AddressChangeGrace = TimeSpan.FromMilliseconds(150);

    private readonly SemaphoreSlim _listenerChanges = new(1, 1);
    private List<DeviceListener> _listeners = [];
    private IPAddress _address;
    private DeviceHttpApplication? _application;
    private SharpAmt.Redirection.Device.RedirectionDeviceOptions? _redirectionOptions;
    private long _requests;
    private CancellationTokenSource _redirectionConnections = new();
    private int _managementEngineDown;
    private string _lastRequest = "";

    public SimulatedDevice(SimulatedDeviceOptions options, ClassCatalogue? catalogue = null)
    {
        Options = options;
        _address = options.Address;
        Identity = DeviceIdentity.Derive(options.Address, options.IdentitySeed);
        Host = new SimulatedHost(Sync, options.Firmware, options.Time, options.InitialPowerState, options.PowerTransitionDelay, options.OsAgentPresent);
        Host.Changed += Forward;
        Redirection = new RedirectionSettings { ListenerEnabled = !options.Firmware.TlsOnly };
        Consent = new ConsentModel(options.Time, canModifyPolicy: options.ControlMode == ControlMode.Admin);
        Kvm = new KvmSettings(options.Firmware, Consent);
        SecureIo = new SecureIoSettings(options.Firmware);
        var hostName = options.HostName ?? "amt-" + options.Address.ToString().Replace('.', '-').Replace(':', '-');
        General = new GeneralSettingsState
        {
            HostName = hostName,
            DomainName = options.DomainName,
            HostOsFqdn = $"{hostName}.{options.DomainName}",
        };
        Wired = new WiredInterfaceState { DhcpAddress = options.Address };
        Accounts = new DeviceAccounts(Identity.Realm, options.Time);
        Accounts.SetPassword(options.User, options.Password);
        Nonces = new DigestNonceStore(options.Time);
        Faults = new FaultInjection(Nonces);
        Replies = new AmtHttpReplies(options.Firmware.ServerVersion);
        Classes = (catalogue ?? ClassCatalogue.Default).For(options.Firmware);
        Dispatcher = new WsManDispatcher(new SimulatedWsManService(this, Classes));
        Eoi = new EoiDispatcher(new SimulatedEoiService(this));
        Certificates = new DeviceCertificates(options);
        Func<string> osHostName = () => General.HostName is { Length: > 0 } name ? name : "debian";
        if (options.Screen.Displays > KvmSettings.MaxDefaultScreenOf(options.Firmware) + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"AMT {options.Firmware.Version.Major} selects among {KvmSettings.MaxDefaultScreenOf(options.Firmware) + 1} displays, so a machine with {options.Screen.Displays} cannot be simulated on it (a third display needs AMT 10)");
        }

        Screen = new SimulatedScreen(options.Screen, Host, () => Consent.DisplayedCode, osHostName, options.Time);
        Consent.Changed += Screen.OnConsentChanged;
        Kvm.DefaultScreenChanged += Screen.SelectDefaultScreen;
        SecureIo.DefaultScreenChanged += Screen.SelectConsentDisplay;
        Host.RedirectedBootPermitted = Consent.PermitsRedirectedBoot;
        Console = new HostConsole(Host, SerialPort, new HostFacts(osHostName, Identity.MacAddress, Identity.Uuid, options.Firmware.ServerVersion), options.Console, options.Time, Screen);
        // After the console: on a reset the console stops the old boot's script before the screen clears.
        Host.Changed += Screen.OnHostChanged;
    }

    public event Action<SimulatedDevice, HostEvent>? Changed;

    public SimulatedDeviceOptions Options { get; }

    /// <summary>The address the device listens on now: the configured one until a network change moves it.</summary>
    public IPAddress Address => Volatile.Read(ref _address);

    public FirmwareProfile Firmware => Options.Firmware;

    public DeviceIdentity Identity { get; }

    /// <summary>Guards all device state; WS-Man handlers and power transitions take it.</summary>
    public Lock Sync { get; } = new();

    public SimulatedHost Host { get; }

    public RedirectionSettings Redirection { get; }

    public ConsentModel Consent { get; }

    /// <summary>The KVM settings (IPS_KVMRedirectionSettingData), including the port-5900 RFB password.</summary>
    public KvmSettings Kvm { get; }

    /// <summary>The Secure I/O settings (IPS_SecIOService): the display the consent code appears on.</summary>
    public SecureIoSettings SecureIo { get; }

    public GeneralSettingsState General { get; }

    /// <summary>The ME's wired interface settings, shared by EOI and WS-Man.</summary>
    public WiredInterfaceState Wired { get; }

    public Ipv6State Ipv6 { get; } = new();

    /// <summary>The host's serial port, redirected by SOL.</summary>
    public HostSerialPort SerialPort { get; } = new();

    /// <summary>What the host writes to <see cref="SerialPort"/> as it boots and runs, and how it answers keys.</summary>
    public HostConsole Console { get; }

    /// <summary>
    /// The host's first monitor and its keyboard: text mode while it boots, the desktop once the OS is up, black
    /// while it is off, with the consent code drawn over it while one is displayed. Further displays and the one
    /// AMT's KVM serves (<see cref="SimulatedScreen.Kvm"/>, following DefaultScreen) hang off it.
    /// </summary>
    public SimulatedScreen Screen { get; }

    /// <summary>The host's IDE channel where an IDE-R session attaches its CD-ROM and floppy.</summary>
    public SharpAmt.Redirection.Ider.Device.IderHostPort IderDrives { get; } = new();

    public DeviceAccounts Accounts { get; }

    public FaultInjection Faults { get; }

    public long RequestCount => Interlocked.Read(ref _requests);

    public string LastRequest => Volatile.Read(ref _lastRequest);

    internal DigestNonceStore Nonces { get; }

    internal AmtHttpReplies Replies { get; }

    internal IReadOnlyDictionary<string, ClassDefinition> Classes { get; }

    internal WsManDispatcher Dispatcher { get; }

    /// <summary>The legacy EOI services, for firmware that serves them (<see cref="FirmwareProfile.ServesEoi"/>).</summary>
    internal EoiDispatcher Eoi { get; }

    internal DeviceCertificates Certificates { get; }

    /// <summary>The device's TLS certificate, made on first use.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 TlsCertificate => Certificates.Certificate;

    /// <summary>The ports this device listens on.</summary>
    public IReadOnlyList<int> Ports => Options.Firmware.TlsOnly
        ? [Options.TlsPort, Options.RedirectionTlsPort]
        : ServesVnc ? [Options.HttpPort, Options.TlsPort, Options.RedirectionPort, Options.RedirectionTlsPort, Options.VncPort]
        : [Options.HttpPort, Options.TlsPort, Options.RedirectionPort, Options.RedirectionTlsPort];

    /// <summary>The KVM feature of the redirection port; port 5900 shares its one-session rule.</summary>
    internal SharpAmt.Redirection.Kvm.Device.KvmDeviceFeature? KvmFeature { get; set; }

    private bool ServesVnc => Firmware.HasKvm && Kvm.Offers5900;

    /// <summary>Binds the device's ports; throws when an address or port is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _listenerChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _application ??= new DeviceHttpApplication(this);
            _redirectionOptions ??= SimulatedRedirection.Create(this);
            _listeners = Listen(Address);
        }
        finally
        {
            _listenerChanges.Release();
        }
    }

    public async Task StopAsync()
    {
        await _listenerChanges.WaitAsync().ConfigureAwait(false);
        try
        {
            var listeners = _listeners;
            _listeners = [];
            await Task.WhenAll(listeners.Select(listener => listener.StopAsync())).ConfigureAwait(false);
        }
        finally
        {
            _listenerChanges.Release();
        }
    }

    /// <summary>
    /// Called (lock held) after the wired interface settings changed: when the ME's address changed, the device
    /// moves there, as real firmware does once it applies new settings. Only loopback addresses can be served;
    /// for any other the state records the change and the device stays where it is, saying so.
    /// </summary>
    internal void ApplyAddressChange()
    {
        var target = Wired.CurrentAddress;
        if (target.Equals(Address))
        {
            return;
        }

        if (!Fleet.LoopbackAddresses.IsLoopback(target) || target.GetAddressBytes()[3] is 0 or 255)
        {
            RaiseSettings($"ME address set to {target}, which the simulator cannot serve; still answering at {Address}");
            return;
        }

        _ = MoveAsync(target);
    }

    private async Task MoveAsync(IPAddress target)
    {
        await Task.Delay(AddressChangeGrace, Options.Time).ConfigureAwait(false);
        await _listenerChanges.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_listeners.Count == 0)
            {
                Volatile.Write(ref _address, target);
                return;
            }

            List<DeviceListener> moved;
            try
            {
                moved = Listen(target);
            }
            catch (InvalidOperationException exception)
            {
                RaiseSettings($"cannot move to {target} ({exception.Message}); still answering at {Address}");
                return;
            }

            var previous = _listeners;
            var from = Address;
            _listeners = moved;
            Volatile.Write(ref _address, target);
            await Task.WhenAll(previous.Select(listener => listener.StopAsync())).ConfigureAwait(false);
            RaiseSettings($"moved from {from} to {target}");
        }
        finally
        {
            _listenerChanges.Release();
        }
    }

    private List<DeviceListener> Listen(IPAddress address)
    {
        var application = _application ?? throw new InvalidOperationException("the device has not been started");
        var listeners = new List<DeviceListener>();
        try
        {
            if (!Options.Firmware.TlsOnly)
            {
                listeners.Add(DeviceListener.Start(this, address, Options.HttpPort, tls: false, application));
            }

            listeners.Add(DeviceListener.Start(this, address, Options.TlsPort, tls: true, application));
            if (_redirectionOptions is { } redirection)
            {
                // Bound whatever ListenerEnabled says, so that switching it on needs no rebind; while it is off
                // connections are reset, which is what a client of a closed port sees.
                if (!Options.Firmware.TlsOnly)
                {
                    listeners.Add(StartRedirectionListener(address, Options.RedirectionPort, tls: false, redirection));
                }

                listeners.Add(StartRedirectionListener(address, Options.RedirectionTlsPort, tls: true, redirection));
                if (ServesVnc && KvmFeature is { } kvm)
                {
                    listeners.Add(StartVncListener(address, kvm));
                }
            }

            return listeners;
        }
        catch
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }

            throw;
        }
    }

    /// <summary>Whether the ME is down after <see cref="SimulateManagementEngineReset"/>: redirection connections are then reset at once.</summary>
    public bool ManagementEngineDown => Volatile.Read(ref _managementEngineDown) != 0;

    /// <summary>
    /// What SOL and IDE-R clients see of an ME reset (or a firmware update): every open redirection connection
    /// is dropped at once, and new ones are reset for <paramref name="downFor"/>; then the ME answers again.
    /// The host keeps running and its serial port is freed, as on hardware. Returns at once.
    /// </summary>
    public void SimulateManagementEngineReset(TimeSpan downFor)
    {
        Volatile.Write(ref _managementEngineDown, 1);
        var open = Interlocked.Exchange(ref _redirectionConnections, new CancellationTokenSource());
        // Not disposed: a connection starting right now may still be reading its token.
        open.Cancel();
        RaiseSettings($"ME reset: redirection connections dropped, back in {downFor.TotalSeconds:0.#} s");
        _ = ComeBackAsync(downFor);
    }

    private async Task ComeBackAsync(TimeSpan downFor)
    {
        try
        {
            await Task.Delay(downFor, Options.Time).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _managementEngineDown, 0);
        }
    }

    private DeviceListener StartRedirectionListener(IPAddress address, int port, bool tls, SharpAmt.Redirection.Device.RedirectionDeviceOptions redirection) =>
        DeviceListener.Start(this, address, port, tls,
            (stream, cancellation) => ServeRedirectionAsync(stream, $"{address}:{port}", redirection, cancellation),
            () => Redirection.ListenerEnabled && !ManagementEngineDown);

    /// <summary>
    /// Port 5900: bound like the redirection port, accepting only while Is5900PortEnabled is set with a password
    /// stored and KVM may start; a refused or busy connection is closed before the RFB banner.
    /// </summary>
    private DeviceListener StartVncListener(IPAddress address, SharpAmt.Redirection.Kvm.Device.KvmDeviceFeature kvm) =>
        DeviceListener.Start(this, address, Options.VncPort, tls: false,
            async (stream, cancellation) =>
            {
                await using (stream.ConfigureAwait(false))
                {
                    if (Kvm.RfbPassword is not { Length: > 0 } password)
                    {
                        return;
                    }

                    using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellation, Volatile.Read(ref _redirectionConnections).Token);
                    var options = SharpAmt.Redirection.Kvm.Server.RfbServerOptions.AmtPort5900(password, Kvm.ZlibControlSupported) with { Log = RaiseSecurity };
                    if (!await kvm.TryServeDirectAsync(stream, options, connection.Token).ConfigureAwait(false))
                    {
                        RaiseSecurity($"port {Options.VncPort}: connection refused (KVM busy, disabled or awaiting consent)");
                    }
                }
            },
            () => Kvm.Is5900PortEnabled && !ManagementEngineDown);

    private async Task ServeRedirectionAsync(Stream stream, string endpoint, SharpAmt.Redirection.Device.RedirectionDeviceOptions redirection, CancellationToken cancellation)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellation, Volatile.Read(ref _redirectionConnections).Token);
        await SharpAmt.Redirection.Device.RedirectionDeviceSession.ServeAsync(stream, endpoint, redirection, connection.Token).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    internal void CountRequest(string description)
    {
        Interlocked.Increment(ref _requests);
        Volatile.Write(ref _lastRequest, description);
    }

    internal void Record(string operation) => Volatile.Write(ref _lastRequest, operation);

    internal void RaiseSettings(string text) => Raise(HostEventKind.Settings, text);

    internal void RaiseConsent(string text) => Raise(HostEventKind.Consent, text);

    internal void RaiseSecurity(string text) => Raise(HostEventKind.Security, text);

    internal IReadOnlyList<string> KnownBootSources()
    {
        if (!Classes.TryGetValue(AmtClassNames.BootSourceSetting, out var definition))
        {
            return [];
        }

        var instances = ClassBehaviors.Find(definition.ClassName)?.Instances(this, definition.Instances) ?? definition.Instances;
        return instances.Select(instance => instance.GetString("InstanceID") ?? "").ToArray();
    }

    private void Raise(HostEventKind kind, string text) => Forward(new HostEvent(Options.Time.GetUtcNow(), kind, text));

    private void Forward(HostEvent hostEvent) => Changed?.Invoke(this, hostEvent);

    public override string ToString() => $"{Address} (AMT {Firmware})";
}
