using SharpAmt.Eoi;
using SharpAmt.Eoi.Device;

namespace SharpAmt.Simulator.Eoi;

/// <summary>
/// The EOI services of a simulated AMT 2.x–8 device, over the same state WS-Man serves (names, the wired
/// interface, the host's power and boot options), all under the device lock. A refusal changes nothing.
/// </summary>
internal sealed class SimulatedEoiService : IEoiService
{
    /// <summary>The wired interface; the simulated ME has no wireless one.</summary>
    private const uint WiredInterface = 0;

    /// <summary>
    /// GetRemoteControlCapabilities (reference section 5.3): Intel's number; IDE-R, SOL, BIOS reflash, setup and
    /// pause; every ASF special command; all four power commands.
    /// </summary>
    private static readonly EoiRemoteControlCapabilities Capabilities = new(
        EoiIanaNumbers.Intel,
        EoiCapabilityMasks.Oem.Ider | EoiCapabilityMasks.Oem.Sol | EoiCapabilityMasks.Oem.BiosReflash | EoiCapabilityMasks.Oem.BiosSetup | EoiCapabilityMasks.Oem.BiosPause,
        EoiCapabilityMasks.SpecialCommands.Pxe | EoiCapabilityMasks.SpecialCommands.HardDisk | EoiCapabilityMasks.SpecialCommands.HardDiskSafeMode
            | EoiCapabilityMasks.SpecialCommands.Diagnostics | EoiCapabilityMasks.SpecialCommands.CdDvd,
        EoiCapabilityMasks.PowerCommands.PowerCycleReset | EoiCapabilityMasks.PowerCommands.PowerDown | EoiCapabilityMasks.PowerCommands.PowerUp | EoiCapabilityMasks.PowerCommands.Reset,
        // Every BootOptions bit the simulated BIOS honours; what real boards reported is unconfirmed.
        EoiCapabilityMasks.Firmware.VerbosityScreenBlank | EoiCapabilityMasks.Firmware.PowerButtonLock | EoiCapabilityMasks.Firmware.ResetButtonLock
            | EoiCapabilityMasks.Firmware.KeyboardLock | EoiCapabilityMasks.Firmware.SleepButtonLock | EoiCapabilityMasks.Firmware.UserPasswordBypass
            | EoiCapabilityMasks.Firmware.ForcedProgressEvents | EoiCapabilityMasks.Firmware.VerbosityVerbose | EoiCapabilityMasks.Firmware.VerbosityQuiet
            | EoiCapabilityMasks.Firmware.ConfigurationDataReset);

    private readonly SimulatedDevice _device;

    public SimulatedEoiService(SimulatedDevice device)
    {
        _device = device;
    }

    public ValueTask<string> GetCoreVersionAsync(CancellationToken cancellationToken) =>
        Read("GetCoreVersion", () => _device.Firmware.Version.ToString());

    public ValueTask<string> GetHostNameAsync(CancellationToken cancellationToken) => Read("GetHostName", () => _device.General.HostName);

    public ValueTask SetHostNameAsync(string hostName, CancellationToken cancellationToken) => Write("SetHostName", () =>
    {
        Require(DnsNames.IsHostName(hostName), PtStatus.InvalidName);
        _device.General.HostName = hostName;
        _device.RaiseSettings($"EOI: host name set to {hostName}");
    });

    public ValueTask<string> GetDomainNameAsync(CancellationToken cancellationToken) => Read("GetDomainName", () => _device.General.DomainName);

    public ValueTask SetDomainNameAsync(string domainName, CancellationToken cancellationToken) => Write("SetDomainName", () =>
    {
        Require(DnsNames.IsDomainName(domainName), PtStatus.InvalidDomainName);
        _device.General.DomainName = domainName;
        _device.RaiseSettings(domainName.Length == 0 ? "EOI: domain name cleared" : $"EOI: domain name set to {domainName}");
    });

    public ValueTask<IReadOnlyList<uint>> EnumerateInterfacesAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<uint>>("EnumerateInterfaces", () => [WiredInterface]);

    public ValueTask<EoiInterfaceSettings> GetInterfaceSettingsAsync(uint interfaceHandle, CancellationToken cancellationToken) =>
        Read("GetInterfaceSettings", () =>
        {
            Require(interfaceHandle == WiredInterface, PtStatus.InvalidHandle);
            var wired = _device.Wired;
            return new EoiInterfaceSettings(
                _device.Firmware.NetworkController,
                _device.Identity.MacAddressText,
                wired.SharedMac ? EoiInterfaceMode.SharedMacAddress : EoiInterfaceMode.SeparateMacAddress,
                wired.LinkPolicy,
                wired.DhcpEnabled,
                // The addresses in use, DHCP-assigned ones included, as the interface reports them.
                new EoiIpv4Parameters(wired.CurrentAddress, wired.SubnetMask, wired.DefaultGateway, wired.PrimaryDns, wired.SecondaryDns));
        });

    /// <summary>
    /// With IPv4Parameters the ME takes that static configuration, without them DHCP; the mode says whose MAC it
    /// uses. Addresses and masks are taken as sent, however odd (amttool's netconf computes some wrongly and real
    /// firmware accepted them). A new address moves the device once this reply has left.
    /// </summary>
    public ValueTask SetInterfaceSettingsAsync(uint interfaceHandle, EoiInterfaceChange change, CancellationToken cancellationToken) =>
        Write("SetInterfaceSettings", () =>
        {
            Require(interfaceHandle == WiredInterface, PtStatus.InvalidHandle);
            var wired = _device.Wired;
            wired.SharedMac = change.Mode == EoiInterfaceMode.SharedMacAddress;
            wired.LinkPolicy = change.LinkPolicy;
            if (change.Ipv4 is { } ipv4)
            {
                wired.DhcpEnabled = false;
                wired.StaticAddress = ipv4.LocalAddress;
                wired.SubnetMask = ipv4.SubnetMask;
                wired.DefaultGateway = ipv4.DefaultGateway;
                wired.PrimaryDns = ipv4.PrimaryDns;
                wired.SecondaryDns = ipv4.SecondaryDns;
                _device.RaiseSettings(
                    $"EOI: interface {interfaceHandle} {Mac(change.Mode)}, static {ipv4.LocalAddress} mask {ipv4.SubnetMask} gateway {ipv4.DefaultGateway} " +
                    $"DNS {ipv4.PrimaryDns} {ipv4.SecondaryDns}, link policy 0x{change.LinkPolicy:X2}");
            }
            else
            {
                wired.DhcpEnabled = true;
                _device.RaiseSettings($"EOI: interface {interfaceHandle} {Mac(change.Mode)}, DHCP, link policy 0x{change.LinkPolicy:X2}");
            }

            _device.ApplyAddressChange();
        });

    public ValueTask<bool> GetPingResponseAsync(CancellationToken cancellationToken) =>
        Read("GetPingResponse", () => _device.General.PingResponseEnabled);

    public ValueTask SetPingResponseAsync(bool enabled, CancellationToken cancellationToken) => Write("SetPingResponse", () =>
    {
        _device.General.PingResponseEnabled = enabled;
        _device.RaiseSettings($"EOI: ping response {(enabled ? "on" : "off")}");
    });

    public ValueTask<EoiVlanSettings> GetVlanParametersAsync(uint interfaceHandle, CancellationToken cancellationToken) =>
        Read("GetVlanParameters", () =>
        {
            Require(interfaceHandle == WiredInterface, PtStatus.InvalidHandle);
            var tag = _device.Wired.VlanTag;
            return new EoiVlanSettings(tag != 0, (ushort)tag);
        });

    /// <summary>VLAN ids are 1 to 4094; disabling clears the tag (0 means untagged in the shared state).</summary>
    public ValueTask SetVlanParametersAsync(uint interfaceHandle, EoiVlanSettings settings, CancellationToken cancellationToken) =>
        Write("SetVlanParameters", () =>
        {
            Require(interfaceHandle == WiredInterface, PtStatus.InvalidHandle);
            Require(!settings.Enabled || settings.Tag is >= 1 and <= 4094, PtStatus.InvalidParameter);
            _device.Wired.VlanTag = settings.Enabled ? settings.Tag : 0;
            _device.RaiseSettings(settings.Enabled ? $"EOI: VLAN tag {settings.Tag}" : "EOI: VLAN off");
        });

    public ValueTask<uint> GetSystemPowerStateAsync(CancellationToken cancellationToken) =>
        Read("GetSystemPowerState", () => EoiPowerStates.ToSystemPowerState(_device.Host.PowerState));

    public ValueTask<EoiRemoteControlCapabilities> GetRemoteControlCapabilitiesAsync(CancellationToken cancellationToken) =>
        Read("GetRemoteControlCapabilities", () => Capabilities);

    /// <summary>
    /// A power command with the boot options for the boot it causes. Everything is checked before anything is
    /// applied: an unknown command (0x803), special command (0x804) or OEM number (0x801), and a command the
    /// current power state does not allow. That last one — power-up while on, reset, cycle or power-down while
    /// off, or anything while a change is pending — is refused with PT_STATUS_NOT_PERMITTED, as WS-Man's
    /// RequestPowerStateChange refuses it; real firmware's status for it is unconfirmed. Boot options given with a
    /// power-down are accepted and not kept: no boot follows.
    /// </summary>
    public ValueTask RemoteControlAsync(EoiRemoteControlRequest request, CancellationToken cancellationToken) => Write("RemoteControl", () =>
    {
        Require(Enum.IsDefined(request.Command), PtStatus.InvalidCommand);
        var (boot, status) = RemoteControlBoot.From(request);
        Require(boot is not null, status);
        var host = _device.Host;
        var target = EoiPowerStates.ToCim(request.Command);
        Require(target is null || host.CanRequestPowerChange((int)target.Value), PtStatus.NotPermitted);
        if (request.Command != EoiRemoteControlCommand.PowerDown && !boot!.IsEmpty)
        {
            host.Boot.Set(boot.Fields);
            host.Boot.SetSource(boot.Source);
            host.Boot.SetRole(isNextBoot: true);
            _device.RaiseSettings($"EOI: boot options for the next boot: {Describe(boot)}");
        }

        if (target is { } state)
        {
            host.RequestPowerChange((int)state);
        }

        _device.Record($"EOI RemoteControl {EoiPowerStates.Describe(request.Command)}");
    });

    private ValueTask<T> Read<T>(string operation, Func<T> read)
    {
        lock (_device.Sync)
        {
            _device.Record("EOI " + operation);
            return ValueTask.FromResult(read());
        }
    }

    private ValueTask Write(string operation, Action write)
    {
        lock (_device.Sync)
        {
            write();
            _device.Record("EOI " + operation);
            return ValueTask.CompletedTask;
        }
    }

    private static void Require(bool condition, uint status)
    {
        if (!condition)
        {
            throw new EoiRefusedException(status);
        }
    }

    private static string Mac(EoiInterfaceMode mode) => mode == EoiInterfaceMode.SharedMacAddress ? "shared MAC" : "own MAC";

    private static string Describe(RemoteControlBoot boot)
    {
        var parts = new List<string>();
        if (boot.Source is { } source)
        {
            parts.Add(source);
        }

        parts.AddRange(boot.Fields.Select(field => field.Value == "true" ? field.Key : $"{field.Key}={field.Value}"));
        return string.Join(", ", parts);
    }
}
