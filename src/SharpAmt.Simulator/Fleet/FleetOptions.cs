using System.Net;
using SharpAmt.Simulator.Firmware;

namespace SharpAmt.Simulator.Fleet;

public sealed record FleetOptions
{
    public const int MaxDevices = 10_000;

    public static IPAddress DefaultFirstAddress { get; } = IPAddress.Parse("127.0.0.2");

    public int Count { get; init; } = 1;

    public IPAddress FirstAddress { get; init; } = DefaultFirstAddress;

    /// <summary>Firmware of each device in turn: one profile for all, or several to mix generations.</summary>
    public IReadOnlyList<FirmwareProfile> Firmware { get; init; } = [FirmwareProfiles.Default];

    /// <summary>Settings every device shares; its address and firmware are replaced per device.</summary>
    public SimulatedDeviceOptions Template { get; init; } = new() { Address = DefaultFirstAddress };
}
