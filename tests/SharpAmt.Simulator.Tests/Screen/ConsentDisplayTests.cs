using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Client;
using Xunit;
using static SharpAmt.Tests.Support.DisplayPictures;

namespace SharpAmt.Simulator.Tests.Screen;

/// <summary>
/// The display the consent code is drawn on follows a Put of IPS_SecIOService.DefaultScreen over WS-Man, whatever
/// IPS_KVMRedirectionSettingData.DefaultScreen says; a display without a picture leaves it on the first. Devices live
/// on 127.0.221.41–80 only.
/// </summary>
public sealed class ConsentDisplayTests
{
    private static readonly AddressBlock Addresses = new(221, 41, 80);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_moves_with_the_secio_default_screen_and_not_with_kvm()
    {
        await using var device = await StartAsync(SimulatedScreenOptions.Default with { Displays = 2, AnimationRate = 0 });
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        await new MonitorViewer(device.Screen).WaitForModeAsync(ScreenMode.Desktop);
        var code = StartConsent(device);
        var shown = $"USER CONSENT CODE: {code}";

        await PutAsync(client, AmtClassNames.SecIoService, 1);
        var onSecond = (ConsentLine(device.Screen.Display(0)), ConsentLine(device.Screen.Display(1)));
        await PutAsync(client, AmtClassNames.KvmRedirectionSettingData, 0);
        var kvmOnFirst = (ConsentLine(device.Screen.Display(0)), ConsentLine(device.Screen.Display(1)));
        await PutAsync(client, AmtClassNames.SecIoService, 0);
        await PutAsync(client, AmtClassNames.KvmRedirectionSettingData, 1);
        var onFirst = (ConsentLine(device.Screen.Display(0)), ConsentLine(device.Screen.Display(1)));

        Assert.NotEqual(shown, onSecond.Item1);
        Assert.Equal(shown, onSecond.Item2);
        Assert.NotEqual(shown, kvmOnFirst.Item1);
        Assert.Equal(shown, kvmOnFirst.Item2);
        Assert.Equal(shown, onFirst.Item1);
        Assert.NotEqual(shown, onFirst.Item2);
        // KVM shows the second display, without the code the person at the machine reads from the first.
        Assert.Equal(1, device.Screen.Kvm.Index);
        Assert.NotEqual(shown, ConsentLine(device.Screen.Kvm));
    }

    [Fact]
    public async Task In_text_mode_the_code_stays_on_the_first_display()
    {
        await using var device = await StartAsync(MonitorDevices.TextOnly with { Displays = 2 });
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForTextAsync("lab7 login:");
        await PutAsync(client, AmtClassNames.SecIoService, 1);

        var code = StartConsent(device);

        await viewer.WaitForTextAsync($"USER CONSENT CODE: {code}");
        Assert.All(Copy(device.Screen.Display(1), out _), pixel => Assert.Equal(0u, pixel));
    }

    [Fact]
    public async Task With_one_display_the_code_is_on_it_whatever_the_setting()
    {
        await using var device = await StartAsync(SimulatedScreenOptions.Default with { AnimationRate = 0 });
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        await new MonitorViewer(device.Screen).WaitForModeAsync(ScreenMode.Desktop);
        await PutAsync(client, AmtClassNames.SecIoService, 2);

        var code = StartConsent(device);

        Assert.Equal(2, device.SecureIo.DefaultScreen);
        Assert.Equal($"USER CONSENT CODE: {code}", ConsentLine(device.Screen.Display(0)));
    }

    private static async Task PutAsync(WsManClient client, string className, int screen)
    {
        var current = await client.GetAsync(className, cancellationToken: Token);
        await client.PutAsync(current.With("DefaultScreen", screen), cancellationToken: Token);
    }

    private static string StartConsent(SimulatedDevice device)
    {
        lock (device.Sync)
        {
            Assert.Equal(0u, device.Consent.Start());
            return device.Consent.DisplayedCode!;
        }
    }

    private static async Task<SimulatedDevice> StartAsync(SimulatedScreenOptions screen)
    {
        var device = MonitorDevices.Create(screen, initial: CimPowerState.On, address: Addresses.Next());
        await device.StartAsync(Token);
        return device;
    }
}
