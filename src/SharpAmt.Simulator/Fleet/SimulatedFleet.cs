namespace SharpAmt.Simulator.Fleet;

/// <summary>A set of simulated devices on consecutive loopback addresses.</summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly List<SimulatedDevice> _devices;

    private SimulatedFleet(List<SimulatedDevice> devices)
    {
        _devices = devices;
    }

    public IReadOnlyList<SimulatedDevice> Devices => _devices;

    /// <summary>Starts every device; if one cannot bind, the ones already started are stopped again.</summary>
    public static async Task<SimulatedFleet> StartAsync(FleetOptions options, Action<SimulatedDevice>? onReady = null, CancellationToken cancellationToken = default)
    {
        if (options.Count is < 1 or > FleetOptions.MaxDevices)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"a fleet has between 1 and {FleetOptions.MaxDevices} devices");
        }

        var addresses = LoopbackAddresses.Sequence(options.FirstAddress, options.Count);
        var devices = new List<SimulatedDevice>(options.Count);
        try
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var device = new SimulatedDevice(options.Template with
                {
                    Address = addresses[i],
                    Firmware = options.Firmware[i % options.Firmware.Count],
                });
                await device.StartAsync(cancellationToken).ConfigureAwait(false);
                devices.Add(device);
                onReady?.Invoke(device);
            }
        }
        catch
        {
            await Task.WhenAll(devices.Select(device => device.StopAsync())).ConfigureAwait(false);
            throw;
        }

        return new SimulatedFleet(devices);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_devices.Select(device => device.StopAsync())).ConfigureAwait(false);
}
