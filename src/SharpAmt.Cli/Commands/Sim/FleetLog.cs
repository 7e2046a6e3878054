using System.Threading.Channels;
using SharpAmt.Cli.Output;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Host;

namespace SharpAmt.Cli.Commands.Sim;

/// <summary>
/// Prints device events as lines (<c>127.0.0.2 power: …</c>). Events are raised on device threads, some under
/// the device lock, so they are queued and written by one task: a slow terminal never stalls a device.
/// </summary>
internal sealed class FleetLog : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public FleetLog(CliOutput output)
    {
        _writer = WriteAsync(output);
    }

    public static string ReadyLine(SimulatedDevice device) =>
        $"ready {device.Address} AMT {device.Firmware.Version}.{device.Firmware.Build} ports {string.Join(',', device.Ports)} realm {device.Identity.Realm}";

    public static string Describe(SimulatedDevice device, HostEvent hostEvent) =>
        $"{device.Address} {hostEvent.Kind.ToString().ToLowerInvariant()}: {hostEvent.Text}";

    public void Add(string line) => _lines.Writer.TryWrite(line);

    public void Attach(SimulatedDevice device) => device.Changed += (source, hostEvent) => Add(Describe(source, hostEvent));

    private async Task WriteAsync(CliOutput output)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync())
        {
            output.Line(line);
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer;
    }
}
