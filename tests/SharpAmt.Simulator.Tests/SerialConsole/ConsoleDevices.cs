using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Tests.SerialConsole;

/// <summary>Simulated devices for console tests: power changes at once, the console unpaced, none of them listening.</summary>
internal static class ConsoleDevices
{
    public static HostConsoleOptions Unpaced { get; } = new() { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero };

    public static SimulatedDevice Create(HostConsoleOptions? console = null, TimeProvider? time = null, CimPowerState initial = CimPowerState.Off) => new(new SimulatedDeviceOptions
    {
        Address = TestAddresses.Next(),
        HostName = "lab7",
        PowerTransitionDelay = TimeSpan.Zero,
        InitialPowerState = initial,
        Console = console ?? Unpaced,
        Time = time ?? TimeProvider.System,
    });

    /// <summary>Sets AMT boot options for the next boot, as a console's Put, ChangeBootOrder and SetBootConfigRole do.</summary>
    public static void SetNextBoot(SimulatedDevice device, bool sol, string? source = null, params (string Field, string Value)[] fields)
    {
        lock (device.Sync)
        {
            device.Host.Boot.Set([new("UseSOL", sol ? "true" : "false"), .. fields.Select(field => new KeyValuePair<string, string>(field.Field, field.Value))]);
            device.Host.Boot.SetSource(source);
            device.Host.Boot.SetRole(true);
        }
    }

    public static void PowerOn(SimulatedDevice device) => Request(device, CimPowerState.On);

    public static void Request(SimulatedDevice device, CimPowerState state)
    {
        var result = device.Host.RequestPowerChange((int)state);
        if (result != 0)
        {
            throw new InvalidOperationException($"power change to {state} refused ({result})");
        }
    }
}
