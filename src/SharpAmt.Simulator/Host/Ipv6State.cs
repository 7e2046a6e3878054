namespace SharpAmt.Simulator.Host;

/// <summary>IPS_IPv6PortSettings of the wired interface (AMT 6+).</summary>
public sealed class Ipv6State
{
    public bool Enabled { get; set; }

    /// <summary>InterfaceIDType: 0 randomized, 1 from the MAC address (EUI-64), 2 manual.</summary>
    public int InterfaceIdType { get; set; } = 1;

    /// <summary>Manual IPv6 address; empty when none is set.</summary>
    public string ManualAddress { get; set; } = "";

    public string DefaultRouter { get; set; } = "";

    public string PrimaryDns { get; set; } = "";

    public string SecondaryDns { get; set; } = "";
}
