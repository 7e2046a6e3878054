using System.Globalization;
using SharpAmt.Transport.Http.Client;
using SharpAmt.Transport.Tls;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

/// <summary>
/// One Intel AMT device and the operations administrators run on it, over WS-Management. Each method
/// validates what it can before the first change is sent, so a refused request leaves the device as it was.
/// </summary>
public sealed partial class AmtDevice : IAsyncDisposable
{
    public AmtDevice(AmtConnectionOptions options)
        : this(new WsManClient(HttpOptions(options)), ownsClient: true, options.Protocol)
    {
    }

    public AmtDevice(WsManClient client, bool ownsClient = false, ManagementProtocol protocol = ManagementProtocol.Auto)
    {
        WsMan = client;
        _ownsClient = ownsClient;
        _requestedProtocol = protocol;
    }

    /// <summary>AMT 6 is the first generation whose WS-Management covers power, boot and network; EOI serves the older ones.</summary>
    private const int FirstFullWsManGeneration = 6;

    private readonly bool _ownsClient;
    private readonly ManagementProtocol _requestedProtocol;
    private ManagementProtocol? _protocol;

    /// <summary>
    /// The management API in use: the one asked for, or for <see cref="ManagementProtocol.Auto"/> the one the
    /// firmware generation calls for, read from the Server header of an unauthenticated <c>GET /</c> (every
    /// generation names its version there) and, failing that, from whether <c>/wsman</c> exists.
    /// </summary>
    public async Task<ManagementProtocol> GetProtocolAsync(CancellationToken cancellationToken = default)
    {
        if (_protocol is { } known)
        {
            return known;
        }

        if (_requestedProtocol != ManagementProtocol.Auto)
        {
            return (_protocol = _requestedProtocol).Value;
        }

        var version = AmtVersion.FromServerHeader(WsMan.Http.ServerHeader) ?? await ProbeServerVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            try
            {
                version = await WsManFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Transport.AmtException exception) when (IsMissingWsMan(exception))
            {
                _protocol = ManagementProtocol.Eoi;
                return ManagementProtocol.Eoi;
            }
        }

        _protocol = version.Major < FirstFullWsManGeneration ? ManagementProtocol.Eoi : ManagementProtocol.WsMan;
        return _protocol.Value;
    }

    /// <summary>Features that exist only in WS-Management say so plainly on EOI devices.</summary>
    private async Task RequireWsManAsync(string feature, CancellationToken cancellationToken)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: {feature} need WS-Management (AMT 6 or later); this device is being managed over EOI");
        }
    }

    private async Task<AmtVersion?> ProbeServerVersionAsync(CancellationToken cancellationToken)
    {
        await WsMan.Http.SendAsync("GET", "/", [], ReadOnlyMemory<byte>.Empty, Transport.Http.Client.RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
        return AmtVersion.FromServerHeader(WsMan.Http.ServerHeader);
    }

    /// <summary>
    /// Whether /wsman answered as a device without WS-Management does: with a fault saying the resource is not
    /// there, or with something that is not a WS-Man reply (an HTTP error page). A reply that is not even
    /// well-formed says the device is broken, not which API it speaks, and is reported as it is.
    /// </summary>
    private static bool IsMissingWsMan(Transport.AmtException exception) =>
        exception is Transport.AmtProtocolException { Violation: Transport.ProtocolViolation.UnexpectedXml }
        || exception is WsManFaultException fault && fault.MeansNotPresent;

    /// <summary>The WS-Man client underneath, for operations this class does not cover.</summary>
    public WsManClient WsMan { get; }

    /// <summary>host:port of the device.</summary>
    public string Endpoint => WsMan.Http.Endpoint;

    /// <summary>
    /// The firmware version from CIM_SoftwareIdentity (InstanceID AMT, with the build number), or from the
    /// Server header when the class is missing.
    /// </summary>
    public async Task<AmtVersion> GetFirmwareVersionAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
        }

        return await WsManFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AmtVersion> WsManFirmwareVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var identities = await WsMan.EnumerateObjectsAsync(AmtClassNames.SoftwareIdentity, cancellationToken).ConfigureAwait(false);
            string? Find(string id) => identities.FirstOrDefault(identity => identity.GetString("InstanceID") == id)?.GetString("VersionString");
            var build = int.TryParse(Find("Build Number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
            if (AmtVersion.TryParse(Find("AMT"), VersionSource.SoftwareIdentity, build) is { } version)
            {
                return version;
            }
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            // Older firmware without CIM_SoftwareIdentity: the Server header still names the version.
        }

        return AmtVersion.FromServerHeader(WsMan.Http.ServerHeader)
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device reports no firmware version");
    }

    public async Task<GeneralSettings> GetGeneralSettingsAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiGeneralSettingsAsync(cancellationToken).ConfigureAwait(false);
        }

        var settings = await WsMan.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GeneralSettings(
            settings.GetString("HostName") ?? "",
            settings.GetString("DomainName") ?? "",
            settings.GetString("DigestRealm") ?? "",
            settings.GetBoolean("NetworkInterfaceEnabled"),
            settings.GetBoolean("PingResponseEnabled"),
            settings.GetBoolean("SharedFQDN"));
    }

    /// <summary>The platform UUID (CIM_ComputerSystemPackage.PlatformGUID, in SMBIOS byte order); null if not reported.</summary>
    public async Task<Guid?> GetUuidAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            // EOI's UUID lives in GeneralInfo, which the clients of that era never called; not read here.
            return null;
        }

        try
        {
            var package = await WsMan.GetAsync(AmtClassNames.ComputerSystemPackage, cancellationToken: cancellationToken).ConfigureAwait(false);
            var hex = package.GetString("PlatformGUID");
            return hex is { Length: 32 } && Convert.FromHexString(hex) is { } bytes ? new Guid(bytes) : null;
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public async Task<ControlMode> GetControlModeAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            // EOI reports provisioning as enterprise/small-business mode, which maps to neither control mode.
            return ControlMode.Unknown;
        }

        try
        {
            var setup = await WsMan.GetAsync(AmtClassNames.SetupAndConfigurationService, cancellationToken: cancellationToken).ConfigureAwait(false);
            return setup.GetInt32("ProvisioningMode") switch
            {
                1 => ControlMode.Admin,
                4 => ControlMode.Client,
                _ => ControlMode.Unknown,
            };
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return ControlMode.Unknown;
        }
    }

    /// <summary>Everything <c>amt info</c> shows, in one call.</summary>
    public async Task<DeviceInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var general = await GetGeneralSettingsAsync(cancellationToken).ConfigureAwait(false);
        var version = await GetFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
        var uuid = await GetUuidAsync(cancellationToken).ConfigureAwait(false);
        var power = await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        var mode = await GetControlModeAsync(cancellationToken).ConfigureAwait(false);
        return new DeviceInfo(Endpoint, version, WsMan.Http.ServerHeader, general, uuid, power, mode, await GetProtocolAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Invokes a method and requires ReturnValue 0.</summary>
    private async Task<WsManObject> InvokeCheckedAsync(string className, string method, WsManObject? input, SelectorSet? selectors, CancellationToken cancellationToken, Func<uint, string?>? explain = null)
    {
        var output = await WsMan.InvokeAsync(className, method, input, selectors, cancellationToken).ConfigureAwait(false);
        var returnValue = output.GetUInt32("ReturnValue") ?? 0;
        if (returnValue != 0)
        {
            throw new AmtReturnValueException(Endpoint, className, method, returnValue, explain?.Invoke(returnValue));
        }

        return output;
    }

    private static AmtHttpClientOptions HttpOptions(AmtConnectionOptions options) => new()
    {
        Host = options.Host,
        Port = options.EffectivePort,
        UseTls = options.UseTls,
        Credentials = options.Credentials,
        Timeout = options.Timeout,
        ConnectTimeout = options.ConnectTimeout,
        Dialer = options.Dialer,
        Retry = options.Retry,
        RealmStore = options.TrustStore,
        Tls = new TlsClientOptions
        {
            Mode = options.TlsTrust,
            Store = options.TrustStore ?? new InMemoryTrustStore(),
            Authorities = options.Authorities,
            OnFirstUsePinned = options.OnCertificatePinned,
        },
    };

    public async ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            await WsMan.DisposeAsync().ConfigureAwait(false);
        }

        if (_eoi is not null)
        {
            await _eoi.DisposeAsync().ConfigureAwait(false);
        }
    }
}
