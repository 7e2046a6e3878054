using System.Net;
using System.Xml.Linq;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// IPS_KVMRedirectionSettingData on the wire: what Get shows per generation, what Put changes, and the Puts
/// firmware refuses whole. Devices live on 127.0.161.1–250 only.
/// </summary>
public sealed class KvmRedirectionSettingsTests
{
    private const string ValidPassword = "Kvm-5900";
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Amt12_answers_with_the_recorded_properties_and_an_empty_password()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        lock (device.Sync)
        {
            device.Kvm.RfbPassword = ValidPassword;
        }

        var settings = await SettingsAsync(client);

        var recorded = XDocument.Load(Path.Combine(RecordedReplies.Folder, "ips", "kvmredirection", "settings", "get.xml"))
            .Descendants().Single(element => element.Name.LocalName == AmtClassNames.KvmRedirectionSettingData)
            .Elements().Select(element => element.Name.LocalName).ToArray();
        Assert.Equal(recorded, settings.Properties.Select(property => property.Name).ToArray());
        Assert.Equal("", settings.GetString("RFBPassword"));
        Assert.Equal("true", settings.GetString("OptInPolicy"));
        Assert.Equal("300", settings.GetString("OptInPolicyTimeout"));
        Assert.Equal("3", settings.GetString("SessionTimeout"));
    }

    [Fact]
    public async Task Amt16_reports_grayscale_zlib_and_decimation_as_the_newer_recording_does()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt16);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var settings = await SettingsAsync(client);

        Assert.Equal("true", settings.GetString("GrayscalePixelFormatSupported"));
        Assert.Equal("true", settings.GetString("ZlibControlSupported"));
        Assert.Equal("2", settings.GetString("InitialDecimationModeForLowRes"));
        var names = settings.Properties.Select(property => property.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), names);
    }

    [Fact]
    public async Task A_put_changes_the_screen_and_timeouts_and_a_get_shows_them()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        await client.PutAsync(current.With("DefaultScreen", 2).With("SessionTimeout", 15).With("OptInPolicyTimeout", 120), cancellationToken: Token);
        var after = await SettingsAsync(client);

        Assert.Equal("2", after.GetString("DefaultScreen"));
        Assert.Equal("15", after.GetString("SessionTimeout"));
        Assert.Equal("120", after.GetString("OptInPolicyTimeout"));
        Assert.Equal(2, device.Kvm.DefaultScreen);
        Assert.Equal(15, device.Kvm.SessionTimeout);
    }

    [Fact]
    public async Task A_third_screen_is_refused_before_amt10()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt8);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => client.PutAsync(current.With("DefaultScreen", 2), cancellationToken: Token));
        await client.PutAsync(current.With("DefaultScreen", 1), cancellationToken: Token);

        Assert.Contains("AMT-STATUS 36", fault.Fault.Detail, StringComparison.Ordinal);
        Assert.Equal(1, device.Kvm.DefaultScreen);
    }

    [Fact]
    public async Task A_valid_rfb_password_is_kept_but_never_returned()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        var reply = await client.PutAsync(current.With("RFBPassword", ValidPassword), cancellationToken: Token);
        var after = await SettingsAsync(client);
        // Putting back what a Get returned (an empty password) keeps the password.
        await client.PutAsync(after.With("SessionTimeout", 5), cancellationToken: Token);

        Assert.Equal(ValidPassword, device.Kvm.RfbPassword);
        Assert.Equal("", reply.GetString("RFBPassword"));
        Assert.Equal("", after.GetString("RFBPassword"));
        Assert.DoesNotContain(ValidPassword, device.LastRequest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kvm-590")]
    [InlineData("Kvm-59000")]
    [InlineData("kvm-5900")]
    [InlineData("KVM-5900")]
    [InlineData("Kvm-abcd")]
    [InlineData("Kvm05900")]
    [InlineData("Kvm_5900")]
    [InlineData("Kvm:5900")]
    [InlineData("Kvm,5900")]
    public async Task A_weak_rfb_password_is_refused_and_nothing_in_the_put_changes(string password)
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() =>
            client.PutAsync(current.With("RFBPassword", password).With("SessionTimeout", 9).With("Is5900PortEnabled", true), cancellationToken: Token));

        Assert.Contains("AMT-STATUS 36", fault.Fault.Detail, StringComparison.Ordinal);
        Assert.Null(device.Kvm.RfbPassword);
        Assert.Equal(3, device.Kvm.SessionTimeout);
        Assert.False(device.Kvm.Is5900PortEnabled);
    }

    [Fact]
    public async Task Port5900_opens_with_a_password_on_amt12()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        var noPassword = await Assert.ThrowsAsync<WsManFaultException>(() => client.PutAsync(current.With("Is5900PortEnabled", true), cancellationToken: Token));
        await client.PutAsync(current.With("Is5900PortEnabled", true).With("RFBPassword", ValidPassword), cancellationToken: Token);

        Assert.Contains("AMT-STATUS 36", noPassword.Fault.Detail, StringComparison.Ordinal);
        Assert.True(device.Kvm.Is5900PortEnabled);
    }

    [Fact]
    public async Task Port5900_is_refused_on_amt16()
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt16);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await SettingsAsync(client);

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() =>
            client.PutAsync(current.With("Is5900PortEnabled", true).With("RFBPassword", ValidPassword), cancellationToken: Token));

        Assert.Contains("AMT-STATUS 16", fault.Fault.Detail, StringComparison.Ordinal);
        Assert.False(device.Kvm.Is5900PortEnabled);
        Assert.Null(device.Kvm.RfbPassword);
    }

    [Fact]
    public async Task The_opt_in_policy_is_the_consent_policy_and_client_control_mode_keeps_it_on()
    {
        await using var admin = await StartAsync(FirmwareProfiles.Amt12);
        await using var client = await StartAsync(FirmwareProfiles.Amt12, ControlMode.Client);
        await using var adminWsMan = SimulatedDeviceFixture.ClientFor(admin);
        await using var clientWsMan = SimulatedDeviceFixture.ClientFor(client);

        var adminSettings = await SettingsAsync(adminWsMan);
        await adminWsMan.PutAsync(adminSettings.With("OptInPolicy", false), cancellationToken: Token);
        var adminAfter = await SettingsAsync(adminWsMan);
        var clientSettings = await SettingsAsync(clientWsMan);
        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => clientWsMan.PutAsync(clientSettings.With("OptInPolicy", false), cancellationToken: Token));

        Assert.Equal(OptIn.RequiredNone, admin.Consent.Required);
        Assert.Equal("false", adminAfter.GetString("OptInPolicy"));
        Assert.False(adminAfter.Has("OptInPolicyTimeout"));
        Assert.Contains("AMT-STATUS 16", fault.Fault.Detail, StringComparison.Ordinal);
        Assert.Equal(OptIn.RequiredAll, client.Consent.Required);
    }

    private static Task<WsManObject> SettingsAsync(WsManClient client) => client.GetAsync(AmtClassNames.KvmRedirectionSettingData, cancellationToken: Token);

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware, ControlMode mode = ControlMode.Admin)
    {
        var index = Interlocked.Increment(ref _next);
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 161, (byte)index }),
            Firmware = firmware,
            ControlMode = mode,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync();
        return device;
    }
}
