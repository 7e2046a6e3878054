using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class BootDeviceTests
{
    [Fact]
    public async Task PxeFindsNoBootFileAndFallsBackToTheDisk()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, source: BootSourceIds.Pxe);
        PowerOn(device);

        var pxe = await terminal.WaitForAsync("PXE-E53: No boot filename received");
        Assert.Contains("Intel(R) Boot Agent GE", pxe, StringComparison.Ordinal);
        Assert.Contains("CLIENT MAC ADDR: 00 1B 21", pxe, StringComparison.Ordinal);
        Assert.Contains("DHCP.", pxe, StringComparison.Ordinal);
        await terminal.WaitForAsync("PXE-M0F: Exiting Intel Boot Agent.");
        await terminal.WaitForAsync("GNU GRUB");
        await terminal.WaitForAsync("lab7 login: ");
        Assert.Equal(BootDevice.Pxe, device.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task ACdBootWithNoDiscFallsBackToTheDisk()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, source: BootSourceIds.CdDvd);
        PowerOn(device);

        await terminal.WaitForAsync("No bootable medium in the CD/DVD drive.");
        await terminal.WaitForAsync("GNU GRUB");
    }

    [Fact]
    public async Task AnIderBootWithNoMediumFallsBackToTheDisk()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, fields: [("UseIDER", "true"), ("IDERBootDevice", "1")]);
        PowerOn(device);

        await terminal.WaitForAsync("Booting from IDE-R CD...");
        await terminal.WaitForAsync("IDE-R CD: no bootable medium.");
        await terminal.WaitForAsync("GNU GRUB");
    }

    [Fact]
    public async Task AnIderBootNamesTheImageItReadAndStopsThere()
    {
        var device = Create();
        var media = new FakeMedia(new BootMediaImage("DEBIAN_12_4_0_AMD64_N", 659554304, "64d727dd5785ae5fcfd3ae8ffbede5f40cca96f1580aaa2820e8b99dae989d94"));
        device.Console.BootMedia = media;
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, fields: [("UseIDER", "true"), ("IDERBootDevice", "1")]);
        PowerOn(device);

        await terminal.WaitForAsync("IDE-R CD: \"DEBIAN_12_4_0_AMD64_N\", 659554304 bytes");
        await terminal.WaitForAsync("SHA-256 64d727dd5785ae5fcfd3ae8ffbede5f40cca96f1580aaa2820e8b99dae989d94");
        await SerialTerminal.WaitForStateAsync(device.Console, HostConsoleState.Halted);
        Assert.Equal([BootDevice.IderCd], media.Requests);
    }

    private sealed class FakeMedia(BootMediaImage image) : IBootMedia
    {
        public List<BootDevice> Requests { get; } = [];

        public ValueTask<BootMediaImage?> ReadAsync(BootDevice device, CancellationToken cancellationToken = default)
        {
            Requests.Add(device);
            return ValueTask.FromResult<BootMediaImage?>(image);
        }
    }
}
