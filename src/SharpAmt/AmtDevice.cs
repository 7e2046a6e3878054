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
        : this(new WsManClient(HttpOptions(options)), ownsClient: true)
    {
    }

    public AmtDevice(WsManClient client, bool ownsClient = false)
    {
        WsMan = client;
        _ownsClient = ownsClient;
    }

    private readonly bool _ownsClient;

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
        return new DeviceInfo(Endpoint, version, WsMan.Http.ServerHeader, general, uuid, power, mode);
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
    }
}
