using System.Net;
using SharpAmt.Eoi;

namespace SharpAmt;

/// <summary>The operations AmtDevice offers, over the legacy EOI SOAP API of AMT 2.5–8.</summary>
public sealed partial class AmtDevice
{
    /// <summary>The one wired interface EOI firmware enumerates.</summary>
    private const uint WiredInterfaceHandle = 0;

    private EoiClient? _eoi;

    /// <summary>The EOI client, sharing this device's HTTP connection, digest state and relay.</summary>
    public EoiClient Eoi => _eoi ??= new EoiClient(WsMan.Http, ownsHttp: false);

    private async Task<AmtVersion> EoiFirmwareVersionAsync(CancellationToken cancellationToken)
    {
        var text = await Eoi.GetCoreVersionAsync(cancellationToken).ConfigureAwait(false);
        return AmtVersion.TryParse(text, VersionSource.CoreVersion)
            ?? AmtVersion.FromServerHeader(WsMan.Http.ServerHeader)
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device reports an unreadable firmware version '{text}'");
    }

    private async Task<GeneralSettings> EoiGeneralSettingsAsync(CancellationToken cancellationToken)
    {
        var host = await Eoi.GetHostNameAsync(cancellationToken).ConfigureAwait(false);
        var domain = await Eoi.GetDomainNameAsync(cancellationToken).ConfigureAwait(false);
        var ping = await Eoi.GetPingResponseAsync(cancellationToken).ConfigureAwait(false);
        return new GeneralSettings(host, domain, WsMan.Http.Realm ?? "", true, ping, null);
    }

    private async Task<PowerStatus> EoiPowerStatusAsync(CancellationToken cancellationToken)
    {
        var raw = await Eoi.GetSystemPowerStateAsync(cancellationToken).ConfigureAwait(false);
        var capabilities = await Eoi.GetRemoteControlCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        // The low nibble is the ACPI state, as amttool reads it.
        var state = (raw & 0x0F) switch
        {
            EoiSystemPowerStates.S0 => AmtPowerState.On,
            EoiSystemPowerStates.S1 or EoiSystemPowerStates.S2 or EoiSystemPowerStates.S3 => AmtPowerState.Sleep,
            EoiSystemPowerStates.S4 => AmtPowerState.Hibernate,
            EoiSystemPowerStates.S5 or EoiSystemPowerStates.S4OrS5 or EoiSystemPowerStates.Off => AmtPowerState.Off,
            _ => AmtPowerState.Unknown,
        };

        // EOI has no list of requestable states; derive the CIM list from the capabilities and the state.
        var offered = capabilities.SystemCapabilitiesSupported;
        var available = new List<int>();
        if (state == AmtPowerState.On)
        {
            AddIf(available, offered, EoiCapabilityMasks.PowerCommands.PowerCycleReset, (int)PowerAction.Cycle);
            AddIf(available, offered, EoiCapabilityMasks.PowerCommands.PowerDown, (int)PowerAction.Off);
            AddIf(available, offered, EoiCapabilityMasks.PowerCommands.Reset, (int)PowerAction.Reset);
        }
        else
        {
            AddIf(available, offered, EoiCapabilityMasks.PowerCommands.PowerUp, (int)PowerAction.On);
            AddIf(available, offered, EoiCapabilityMasks.PowerCommands.PowerCycleReset, (int)PowerAction.Cycle);
        }

        return new PowerStatus(state, (int)raw, available, null);
    }

    private static void AddIf(List<int> available, uint offered, uint bit, int state)
    {
        if ((offered & bit) != 0)
        {
            available.Add(state);
        }
    }

    private async Task<PowerActionResult> EoiPowerAsync(PowerAction action, CancellationToken cancellationToken)
    {
        var command = CommandFor(action);
        var before = await EoiPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        if (action == PowerAction.On && before.State == AmtPowerState.On)
        {
            return new PowerActionResult(action, before, false, before, "already on");
        }

        if (action == PowerAction.Off && before.State == AmtPowerState.Off)
        {
            return new PowerActionResult(action, before, false, before, "already off");
        }

        RequireAllowed(action, before);
        await Eoi.RemoteControlAsync(new EoiRemoteControlRequest(command), cancellationToken).ConfigureAwait(false);
        return new PowerActionResult(action, before, true, await EoiRereadAsync(cancellationToken).ConfigureAwait(false), $"{PowerNames.Of(action)} requested");
    }

    private async Task<PowerActionResult> EoiBootAsync(BootRequest request, CancellationToken cancellationToken)
    {
        var command = CommandFor(request.Action);
        var before = await EoiPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        if (request.Action == PowerAction.On && before.State == AmtPowerState.On)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: the host is already on; use reset to boot it to {BootNames.Describe(request.Target)}");
        }

        RequireAllowed(request.Action, before);
        var capabilities = await Eoi.GetRemoteControlCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var (special, parameter, offered) = request.Target switch
        {
            BootTarget.Default => (EoiSpecialCommand.Nop, (ushort?)null, true),
            BootTarget.Pxe => (EoiSpecialCommand.Pxe, null, (capabilities.SpecialCommandsSupported & EoiCapabilityMasks.SpecialCommands.Pxe) != 0),
            BootTarget.HardDisk => (EoiSpecialCommand.HardDisk, null, (capabilities.SpecialCommandsSupported & EoiCapabilityMasks.SpecialCommands.HardDisk) != 0),
            BootTarget.HardDiskSafeMode => (EoiSpecialCommand.HardDiskSafeMode, null, (capabilities.SpecialCommandsSupported & EoiCapabilityMasks.SpecialCommands.HardDiskSafeMode) != 0),
            BootTarget.Diagnostics => (EoiSpecialCommand.Diagnostics, null, (capabilities.SpecialCommandsSupported & EoiCapabilityMasks.SpecialCommands.Diagnostics) != 0),
            BootTarget.CdDvd => (EoiSpecialCommand.CdDvd, null, (capabilities.SpecialCommandsSupported & EoiCapabilityMasks.SpecialCommands.CdDvd) != 0),
            BootTarget.BiosSetup => (EoiSpecialCommand.IntelOem, EoiSpecialCommandParameters.BiosSetup, (capabilities.OemDefinedCapabilities & EoiCapabilityMasks.Oem.BiosSetup) != 0),
            BootTarget.IderCd => (EoiSpecialCommand.IntelOem, EoiSpecialCommandParameters.UseIderCd, (capabilities.OemDefinedCapabilities & EoiCapabilityMasks.Oem.Ider) != 0),
            BootTarget.IderFloppy => (EoiSpecialCommand.IntelOem, EoiSpecialCommandParameters.UseIderFloppy, (capabilities.OemDefinedCapabilities & EoiCapabilityMasks.Oem.Ider) != 0),
            _ => throw new ArgumentException($"boot target {request.Target} is unknown", nameof(request)),
        };
        if (!offered)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not offer booting to {BootNames.Describe(request.Target)}");
        }

        if (request.UseSol && (capabilities.OemDefinedCapabilities & EoiCapabilityMasks.Oem.Sol) == 0)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not offer Serial-over-LAN");
        }

        // amttool's "bios" sends UseSol with the Intel OEM command; BIOS setup is asked for the same way here.
        var useSol = request.UseSol || request.Target == BootTarget.BiosSetup;
        var remote = new EoiRemoteControlRequest(command, special, useSol ? EoiOemParameters.UseSol : null, SpecialCommandParameter: parameter);
        await Eoi.RemoteControlAsync(remote, cancellationToken).ConfigureAwait(false);
        var after = await EoiRereadAsync(cancellationToken).ConfigureAwait(false);
        var summary = $"{PowerNames.Of(request.Action)} to {BootNames.Describe(request.Target)}{(useSol ? " with SOL" : "")} requested";
        return new PowerActionResult(request.Action, before, true, after, summary);
    }

    private EoiRemoteControlCommand CommandFor(PowerAction action) => action switch
    {
        PowerAction.On => EoiRemoteControlCommand.PowerUp,
        PowerAction.Off => EoiRemoteControlCommand.PowerDown,
        PowerAction.Reset => EoiRemoteControlCommand.Reset,
        PowerAction.Cycle => EoiRemoteControlCommand.PowerCycle,
        _ => throw new AmtFeatureUnavailableException(
            $"{Endpoint}: power action {PowerNames.Of(action)} needs WS-Management (AMT 9+); over EOI only on, off, reset and cycle exist"),
    };

    private async Task<PowerStatus?> EoiRereadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await EoiPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Transport.AmtConnectionException)
        {
            return null;
        }
    }

    private async Task<NetworkSettings> EoiGetNetworkSettingsAsync(CancellationToken cancellationToken)
    {
        var host = await Eoi.GetHostNameAsync(cancellationToken).ConfigureAwait(false);
        var domain = await Eoi.GetDomainNameAsync(cancellationToken).ConfigureAwait(false);
        var ping = await Eoi.GetPingResponseAsync(cancellationToken).ConfigureAwait(false);
        var wired = await Eoi.GetInterfaceSettingsAsync(WiredInterfaceHandle, cancellationToken).ConfigureAwait(false);
        var vlan = await Eoi.GetVlanParametersAsync(WiredInterfaceHandle, cancellationToken).ConfigureAwait(false);
        var ipv4 = wired.Ipv4;
        return new NetworkSettings
        {
            Protocol = ManagementProtocol.Eoi,
            HostName = host,
            DomainName = domain,
            PingResponse = ping,
            MacAddress = wired.MacAddress,
            SharedMac = wired.Mode == EoiInterfaceMode.SharedMacAddress,
            DhcpEnabled = wired.DhcpEnabled,
            Address = ipv4?.LocalAddress is { } local && !local.Equals(IPAddress.Any) ? local : (wired.DhcpEnabled ? ConnectedAddress : null),
            SubnetMask = ipv4?.SubnetMask,
            Gateway = ipv4?.DefaultGateway,
            PrimaryDns = ipv4?.PrimaryDns,
            SecondaryDns = ipv4?.SecondaryDns,
            LinkPolicy = (LinkPolicy)wired.LinkPolicy,
            VlanTag = vlan.Enabled ? vlan.Tag : 0,
        };
    }

    private async Task EoiSetNetworkSettingsAsync(NetworkSettings before, NetworkChange change, NetworkSettings expected, CancellationToken cancellationToken)
    {
        if (change.HostName is { } host)
        {
            await Eoi.SetHostNameAsync(host, cancellationToken).ConfigureAwait(false);
        }

        if (change.DomainName is { } domain)
        {
            await Eoi.SetDomainNameAsync(domain, cancellationToken).ConfigureAwait(false);
        }

        if (change.PingResponse is { } ping)
        {
            await Eoi.SetPingResponseAsync(ping, cancellationToken).ConfigureAwait(false);
        }

        if (change.VlanTag is { } tag)
        {
            await Eoi.SetVlanParametersAsync(WiredInterfaceHandle, new EoiVlanSettings(tag != 0, (ushort)tag), cancellationToken).ConfigureAwait(false);
        }

        if (!change.ChangesInterface)
        {
            return;
        }

        // EOI ties the address to the MAC mode: a static address means the ME's own MAC (SEPARATE_MAC_ADDRESS).
        var mode = change.SharedMac switch
        {
            true => EoiInterfaceMode.SharedMacAddress,
            false => EoiInterfaceMode.SeparateMacAddress,
            null => expected.DhcpEnabled ? EoiInterfaceMode.SharedMacAddress : EoiInterfaceMode.SeparateMacAddress,
        };
        var ipv4 = expected.DhcpEnabled
            ? null
            : new EoiIpv4Parameters(
                expected.Address ?? IPAddress.Any,
                expected.SubnetMask ?? IPAddress.Any,
                expected.Gateway ?? IPAddress.Any,
                expected.PrimaryDns ?? IPAddress.Any,
                expected.SecondaryDns ?? IPAddress.Any);
        _ = before;
        await Eoi.SetInterfaceSettingsAsync(WiredInterfaceHandle, new EoiInterfaceChange(mode, (byte)expected.LinkPolicy, ipv4), cancellationToken).ConfigureAwait(false);
    }
}
