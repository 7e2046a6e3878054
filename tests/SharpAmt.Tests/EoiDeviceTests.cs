using System.Net;
using SharpAmt.Network;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>AmtDevice over EOI: chosen by firmware generation, and giving the same results as WS-Man where both exist (AMT 8).</summary>
public sealed class EoiDeviceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, ManagementProtocol> Generations => new()
    {
        { "2.6", ManagementProtocol.Eoi },
        { "3.2", ManagementProtocol.Eoi },
        { "5.2", ManagementProtocol.Eoi },
        { "6.2", ManagementProtocol.WsMan },
        { "8.1", ManagementProtocol.WsMan },
        { "12.0", ManagementProtocol.WsMan },
    };

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task The_protocol_follows_the_firmware_generation(string firmware, ManagementProtocol expected)
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Find(firmware));
        await using var device = TestDevices.Connect(simulated);

        var info = await device.GetInfoAsync(Token);

        Assert.Equal(expected, info.Protocol);
        Assert.Equal(simulated.Firmware.Version.ToString(), $"{info.Version!.Major}.{info.Version.Minor}.{info.Version.Revision}");
        Assert.Equal(simulated.General.HostName, info.General.HostName);
        Assert.Equal(AmtPowerState.On, info.Power.State);
    }

    [Fact]
    public async Task Amt8_info_is_the_same_over_both_protocols()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt8);
        await using var overWsMan = Connect(simulated, ManagementProtocol.WsMan);
        await using var overEoi = Connect(simulated, ManagementProtocol.Eoi);

        var wsman = await overWsMan.GetInfoAsync(Token);
        var eoi = await overEoi.GetInfoAsync(Token);

        Assert.Equal(ManagementProtocol.Eoi, eoi.Protocol);
        Assert.Equal(ManagementProtocol.WsMan, wsman.Protocol);
        Assert.Equal((wsman.Version!.Major, wsman.Version.Minor, wsman.Version.Revision), (eoi.Version!.Major, eoi.Version.Minor, eoi.Version.Revision));
        Assert.Equal(wsman.General.HostName, eoi.General.HostName);
        Assert.Equal(wsman.General.DomainName, eoi.General.DomainName);
        Assert.Equal(wsman.General.PingResponseEnabled, eoi.General.PingResponseEnabled);
        Assert.Equal(wsman.Power.State, eoi.Power.State);
        // EOI has four commands (up, down, reset, cycle); WS-Man may offer more, never fewer of those four.
        int[] eoiCommands = [(int)PowerAction.On, (int)PowerAction.Off, (int)PowerAction.Reset, (int)PowerAction.Cycle];
        Assert.Equal(wsman.Power.AvailableRequestedPowerStates.Intersect(eoiCommands).Order(), eoi.Power.AvailableRequestedPowerStates.Order());
    }

    [Theory]
    [InlineData(PowerAction.Off, CimPowerState.On, CimPowerState.Off)]
    [InlineData(PowerAction.On, CimPowerState.Off, CimPowerState.On)]
    [InlineData(PowerAction.Reset, CimPowerState.On, CimPowerState.On)]
    [InlineData(PowerAction.Cycle, CimPowerState.On, CimPowerState.On)]
    public async Task Amt8_power_actions_do_the_same_over_both_protocols(PowerAction action, CimPowerState initial, CimPowerState expected)
    {
        var results = new List<(CimPowerState State, int Boots, string Summary, AmtPowerState? After)>();
        foreach (var protocol in new[] { ManagementProtocol.WsMan, ManagementProtocol.Eoi })
        {
            await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt8, options => options with { InitialPowerState = initial });
            await using var device = Connect(simulated, protocol);
            var result = await device.PowerAsync(action, Token);
            await simulated.Host.WhenSettled;
            results.Add((simulated.Host.PowerState, simulated.Host.BootHistory.Count, result.Summary, result.After?.State));
        }

        Assert.Equal(expected, results[0].State);
        Assert.Equal(results[0], results[1]);
    }

    public static TheoryData<BootTarget, bool> BootTargets => new()
    {
        { BootTarget.Default, true },
        { BootTarget.Pxe, false },
        { BootTarget.Pxe, true },
        { BootTarget.HardDisk, false },
        { BootTarget.HardDiskSafeMode, false },
        { BootTarget.CdDvd, false },
        { BootTarget.Diagnostics, false },
        { BootTarget.BiosSetup, true },
        { BootTarget.IderCd, false },
        { BootTarget.IderFloppy, false },
    };

    [Theory]
    [MemberData(nameof(BootTargets))]
    public async Task Amt8_boots_go_to_the_same_place_over_both_protocols(BootTarget target, bool sol)
    {
        var boots = new List<BootRecord>();
        foreach (var protocol in new[] { ManagementProtocol.WsMan, ManagementProtocol.Eoi })
        {
            await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt8);
            simulated.Redirection.SolEnabled = true;
            simulated.Redirection.IderEnabled = true;
            await using var device = Connect(simulated, protocol);
            await device.BootAsync(new BootRequest(target, PowerAction.Reset, sol), Token);
            await simulated.Host.WhenSettled;
            boots.Add(simulated.Host.LastBoot ?? throw new InvalidOperationException($"no boot over {protocol}"));
        }

        Assert.Equal(boots[0] with { At = default }, boots[1] with { At = default });
        Assert.Equal(sol, boots[1].SolRedirected);
        Assert.Equal(target == BootTarget.HardDiskSafeMode, boots[1].SafeMode);
    }

    [Fact]
    public async Task Amt8_network_settings_read_the_same_over_both_protocols()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt8);
        await using var overWsMan = Connect(simulated, ManagementProtocol.WsMan);
        await using var overEoi = Connect(simulated, ManagementProtocol.Eoi);

        var wsman = await overWsMan.GetNetworkSettingsAsync(Token);
        var eoi = await overEoi.GetNetworkSettingsAsync(Token);

        Assert.Equal(
            (wsman.HostName, wsman.DomainName, wsman.MacAddress, wsman.SharedMac, wsman.DhcpEnabled, wsman.Address, wsman.SubnetMask, wsman.Gateway, wsman.PrimaryDns, wsman.SecondaryDns, wsman.LinkPolicy, wsman.PingResponse),
            (eoi.HostName, eoi.DomainName, eoi.MacAddress, eoi.SharedMac, eoi.DhcpEnabled, eoi.Address, eoi.SubnetMask, eoi.Gateway, eoi.PrimaryDns, eoi.SecondaryDns, eoi.LinkPolicy, eoi.PingResponse));
    }

    [Fact]
    public async Task Amt8_a_change_made_over_one_protocol_reads_back_over_the_other()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt8);
        await using var overWsMan = Connect(simulated, ManagementProtocol.WsMan);
        await using var overEoi = Connect(simulated, ManagementProtocol.Eoi);
        var address = simulated.Address;

        await overEoi.SetNetworkSettingsAsync(new NetworkChange { HostName = "viaeoi", PingResponse = false, LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc }, Token);
        var seenOverWsMan = await overWsMan.GetNetworkSettingsAsync(Token);
        await overWsMan.SetNetworkSettingsAsync(new NetworkChange { DomainName = "viawsman.lab", Address = address, SubnetMask = IPAddress.Parse("255.255.0.0"), Gateway = Gateway(address) }, Token);
        var seenOverEoi = await overEoi.GetNetworkSettingsAsync(Token);

        Assert.Equal(("viaeoi", false, LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc), (seenOverWsMan.HostName, seenOverWsMan.PingResponse, seenOverWsMan.LinkPolicy));
        Assert.Equal(("viawsman.lab", false, address, IPAddress.Parse("255.255.0.0")), (seenOverEoi.DomainName, seenOverEoi.DhcpEnabled, seenOverEoi.Address, seenOverEoi.SubnetMask));
        Assert.Equal("viawsman.lab", simulated.General.DomainName);
        Assert.False(simulated.Wired.DhcpEnabled);
    }

    [Fact]
    public async Task Amt5_network_settings_round_trip_over_eoi()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Find("5.2"));
        var address = simulated.Address;
        await using var device = TestDevices.Connect(simulated);

        var result = await device.SetNetworkSettingsAsync(new NetworkChange
        {
            HostName = "dq45cb",
            DomainName = "lab.example",
            PingResponse = false,
            VlanTag = 42,
            LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc,
            Address = address,
            SubnetMask = IPAddress.Parse("255.255.255.0"),
            Gateway = Gateway(address),
            PrimaryDns = IPAddress.Parse("127.0.0.53"),
            SecondaryDns = IPAddress.Parse("127.0.0.54"),
        }, Token);

        var read = result.After;
        Assert.True(result.AfterIsReadBack);
        Assert.Equal(ManagementProtocol.Eoi, read.Protocol);
        Assert.Equal(("dq45cb", "lab.example", false, 42), (read.HostName, read.DomainName, read.PingResponse, read.VlanTag));
        Assert.Equal((false, false, address, IPAddress.Parse("255.255.255.0"), Gateway(address), IPAddress.Parse("127.0.0.53"), IPAddress.Parse("127.0.0.54")),
            (read.DhcpEnabled, read.SharedMac, read.Address, read.SubnetMask, read.Gateway, read.PrimaryDns, read.SecondaryDns));
        Assert.Equal((byte)0xFF, simulated.Wired.LinkPolicy);
        Assert.Equal(42, simulated.Wired.VlanTag);
        Assert.Equal(("dq45cb", "lab.example", false), (simulated.General.HostName, simulated.General.DomainName, simulated.General.PingResponseEnabled));

        var back = await device.SetNetworkSettingsAsync(new NetworkChange { Dhcp = true, VlanTag = 0, Force = true }, Token);
        Assert.False(back.AfterIsReadBack);
        Assert.True(simulated.Wired.DhcpEnabled);
        Assert.True(simulated.Wired.SharedMac);
        Assert.Equal(0, simulated.Wired.VlanTag);
    }

    [Fact]
    public async Task Amt5_a_forced_address_change_moves_the_device()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Find("5.2"));
        var target = TestDevices.NextAddress();
        await using (var device = TestDevices.Connect(simulated))
        {
            await Assert.ThrowsAsync<InvalidNetworkSettingException>(() =>
                device.SetNetworkSettingsAsync(new NetworkChange { Address = target, SubnetMask = IPAddress.Parse("255.0.0.0") }, Token));
            Assert.True(simulated.Wired.DhcpEnabled);

            var moved = await device.SetNetworkSettingsAsync(new NetworkChange { Address = target, SubnetMask = IPAddress.Parse("255.0.0.0"), Force = true }, Token);
            Assert.Equal(target.ToString(), moved.MovedTo);
        }

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!simulated.Address.Equals(target) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Token);
        }

        Assert.Equal(target, simulated.Address);
        await using var reconnected = TestDevices.Connect(simulated);
        var settings = await reconnected.GetNetworkSettingsAsync(Token);
        Assert.Equal(target, settings.Address);
    }

    [Fact]
    public async Task What_eoi_lacks_is_refused_before_anything_is_sent()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Find("5.2"));
        await using var device = TestDevices.Connect(simulated);
        var state = (simulated.General.HostName, simulated.Host.PowerState);

        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.PowerAsync(PowerAction.Sleep, Token));
        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.GetRedirectionFeaturesAsync(Token));
        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.GetConsentAsync(Token));
        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetNetworkSettingsAsync(new NetworkChange { HostName = "x", RmcpPingResponse = false }, Token));
        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetNetworkSettingsAsync(new NetworkChange { HostName = "x", IpSync = true }, Token));
        await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.SetNetworkSettingsAsync(new NetworkChange { HostName = "x", PrimaryDns = IPAddress.Parse("127.0.0.53") }, Token));

        Assert.Equal(state, (simulated.General.HostName, simulated.Host.PowerState));
        Assert.DoesNotContain("SetHostName", simulated.LastRequest, StringComparison.Ordinal);
    }

    private static AmtDevice Connect(SimulatedDevice simulated, ManagementProtocol protocol) =>
        new(new AmtConnectionOptions
        {
            Host = simulated.Address.ToString(),
            Credentials = new Transport.AmtCredentials(simulated.Options.User, simulated.Options.Password),
            Timeout = TimeSpan.FromSeconds(10),
            Protocol = protocol,
        });

    /// <summary>A gateway on the device's own /24: .1, or .2 when the device is .1.</summary>
    private static IPAddress Gateway(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        bytes[3] = (byte)(bytes[3] == 1 ? 2 : 1);
        return new IPAddress(bytes);
    }
}
