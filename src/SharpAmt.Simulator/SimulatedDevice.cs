using System.Net;
using SharpAmt.Simulator.Catalogue;
using SharpAmt.Simulator.Classes;
using SharpAmt.Simulator.Faults;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Http;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http.Device;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Device;

namespace SharpAmt.Simulator;

/// <summary>
/// One simulated Intel AMT device on its own loopback address: the ME's web server on 16992 (unless the
/// firmware is TLS-only) and 16993, and the state behind it.
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    private readonly List<DeviceListener> _listeners = [];
    private long _requests;
    private string _lastRequest = "";

    public SimulatedDevice(SimulatedDeviceOptions options, ClassCatalogue? catalogue = null)
    {
        Options = options;
        Identity = DeviceIdentity.Derive(options.Address, options.IdentitySeed);
        Host = new SimulatedHost(Sync, options.Firmware, options.Time, options.InitialPowerState, options.PowerTransitionDelay, options.OsAgentPresent);
        Host.Changed += Forward;
        Redirection = new RedirectionSettings { ListenerEnabled = !options.Firmware.TlsOnly };
        Consent = new ConsentModel(options.Time, canModifyPolicy: options.ControlMode == ControlMode.Admin);
        var hostName = options.HostName ?? "amt-" + options.Address.ToString().Replace('.', '-').Replace(':', '-');
        General = new GeneralSettingsState
        {
            HostName = hostName,
            DomainName = options.DomainName,
            HostOsFqdn = $"{hostName}.{options.DomainName}",
        };
        Accounts = new DeviceAccounts(Identity.Realm, options.Time);
        Accounts.SetPassword(options.User, options.Password);
        Nonces = new DigestNonceStore(options.Time);
        Faults = new FaultInjection(Nonces);
        Replies = new AmtHttpReplies(options.Firmware.ServerVersion);
        Classes = (catalogue ?? ClassCatalogue.Default).For(options.Firmware);
        Dispatcher = new WsManDispatcher(new SimulatedWsManService(this, Classes));
        Certificates = new DeviceCertificates(options);
    }

    public event Action<SimulatedDevice, HostEvent>? Changed;

    public SimulatedDeviceOptions Options { get; }

    public IPAddress Address => Options.Address;

    public FirmwareProfile Firmware => Options.Firmware;

    public DeviceIdentity Identity { get; }

    /// <summary>Guards all device state; WS-Man handlers and power transitions take it.</summary>
    public Lock Sync { get; } = new();

    public SimulatedHost Host { get; }

    public RedirectionSettings Redirection { get; }

    public ConsentModel Consent { get; }

    public GeneralSettingsState General { get; }

    public DeviceAccounts Accounts { get; }

    public FaultInjection Faults { get; }

    public long RequestCount => Interlocked.Read(ref _requests);

    public string LastRequest => Volatile.Read(ref _lastRequest);

    internal DigestNonceStore Nonces { get; }

    internal AmtHttpReplies Replies { get; }

    internal IReadOnlyDictionary<string, ClassDefinition> Classes { get; }

    internal WsManDispatcher Dispatcher { get; }

    internal DeviceCertificates Certificates { get; }

    /// <summary>The device's TLS certificate, made on first use.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 TlsCertificate => Certificates.Certificate;

    /// <summary>The ports this device listens on.</summary>
    public IReadOnlyList<int> Ports => Options.Firmware.TlsOnly ? [Options.TlsPort] : [Options.HttpPort, Options.TlsPort];

    /// <summary>Binds the device's ports; throws when an address or port is taken.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var application = new DeviceHttpApplication(this);
        try
        {
            if (!Options.Firmware.TlsOnly)
            {
                _listeners.Add(DeviceListener.Start(this, Options.HttpPort, tls: false, application));
            }

            _listeners.Add(DeviceListener.Start(this, Options.TlsPort, tls: true, application));
        }
        catch
        {
            foreach (var listener in _listeners)
            {
                listener.Stop();
            }

            _listeners.Clear();
            throw;
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        var listeners = _listeners.ToArray();
        _listeners.Clear();
        await Task.WhenAll(listeners.Select(listener => listener.StopAsync())).ConfigureAwait(false);
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
