using System.Net;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator;

public sealed record SimulatedDeviceOptions
{
    /// <summary>The password simulated devices use when none is given.</summary>
    public const string DefaultPassword = "P@ssw0rd";

    public required IPAddress Address { get; init; }

    public FirmwareProfile Firmware { get; init; } = FirmwareProfiles.Default;

    public string User { get; init; } = "admin";

    public string Password { get; init; } = DefaultPassword;

    /// <summary>AMT's host name; null derives one from the address (amt-127-0-0-2).</summary>
    public string? HostName { get; init; }

    public string DomainName { get; init; } = "sim.lan";

    public ControlMode ControlMode { get; init; } = ControlMode.Admin;

    public CimPowerState InitialPowerState { get; init; } = CimPowerState.On;

    /// <summary>How long a power change takes to show; zero applies it at once.</summary>
    public TimeSpan PowerTransitionDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the host OS runs the agent that graceful off/reset, sleep and hibernate need.</summary>
    public bool OsAgentPresent { get; init; } = true;

    /// <summary>The host's serial console: pacing, BIOS redirection always on, a getty on ttyS1.</summary>
    public HostConsoleOptions Console { get; init; } = HostConsoleOptions.Default;

    /// <summary>The host's monitor behind KVM: the desktop's resolution, background and animated region.</summary>
    public SimulatedScreenOptions Screen { get; init; } = SimulatedScreenOptions.Default;

    public int HttpPort { get; init; } = 16992;

    public int TlsPort { get; init; } = 16993;

    /// <summary>The redirection port (SOL, IDE-R); not served by TLS-only firmware.</summary>
    public int RedirectionPort { get; init; } = 16994;

    public int RedirectionTlsPort { get; init; } = 16995;

    /// <summary>
    /// Plain VNC to the KVM screen (reference 6.6.9), on firmware that still offers it, accepting connections while
    /// IPS_KVMRedirectionSettingData.Is5900PortEnabled is set.
    /// </summary>
    public int VncPort { get; init; } = 5900;

    /// <summary>Where device certificates are kept between runs; null keeps them in memory.</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>Seeds the realm, UUID and MAC address so that one address keeps its identity across runs.</summary>
    public int IdentitySeed { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{Address} AMT {Firmware} user {User}";
}
