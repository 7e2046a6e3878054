using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests.Kvm;

public sealed class KvmSettingsTests
{
    private const string Password = "Vnc#2024";

    [Fact]
    public async Task Amt12_settings_read_as_the_device_holds_them()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);

        var settings = await device.GetKvmSettingsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new KvmSettings(0, 2, 3, true, 300, false, true, null, null, true, true, KvmDisplays.FromIsActive([true, false, false, false])), settings);
    }

    [Fact]
    public async Task Amt16_over_tls_reports_grayscale_and_zlib_and_its_closed_listener()
    {
        await using var simulated = await KvmTestDevices.StartAsync(FirmwareProfiles.Amt16);
        await using var device = KvmTestDevices.Connect(simulated);

        var settings = await device.GetKvmSettingsAsync(TestContext.Current.CancellationToken);

        Assert.True(settings.GrayscaleSupported);
        Assert.True(settings.ZlibSupported);
        Assert.False(settings.ListenerEnabled);
        Assert.True(settings.KvmEnabled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Settings_round_trip(bool amt16)
    {
        await using var simulated = await KvmTestDevices.StartAsync(amt16 ? FirmwareProfiles.Amt16 : FirmwareProfiles.Amt12);
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var after = await device.SetKvmSettingsAsync(new KvmSettingsChange { DefaultScreen = 1, SessionTimeoutMinutes = 10, ConsentTimeoutSeconds = 90 }, cancellation);
        var reread = await device.GetKvmSettingsAsync(cancellation);

        Assert.Equal(after, reread);
        Assert.Equal(1, reread.DefaultScreen);
        Assert.Equal(10, reread.SessionTimeoutMinutes);
        Assert.Equal(90, reread.ConsentTimeoutSeconds);
        Assert.Equal(1, simulated.Kvm.DefaultScreen);
    }

    [Fact]
    public async Task Consent_off_and_on_follows_the_consent_policy()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var off = await device.SetKvmSettingsAsync(new KvmSettingsChange { ConsentRequired = false }, cancellation);
        var policyOff = (await device.GetConsentAsync(cancellation)).Policy;
        var on = await device.SetKvmSettingsAsync(new KvmSettingsChange { ConsentRequired = true }, cancellation);

        Assert.False(off.ConsentRequired);
        Assert.Null(off.ConsentTimeoutSeconds);
        Assert.Equal(ConsentPolicy.None, policyOff);
        Assert.True(on.ConsentRequired);
        Assert.Equal(OptIn.RequiredKvm, simulated.Consent.Required);
    }

    [Fact]
    public async Task Port5900_is_opened_with_its_password_and_kvm_enabled()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        simulated.Redirection.KvmEnabled = false;
        await using var device = KvmTestDevices.Connect(simulated);

        var after = await device.SetKvmSettingsAsync(new KvmSettingsChange { Port5900Enabled = true, RfbPassword = RfbPassword.Create(Password) }, TestContext.Current.CancellationToken);

        Assert.True(after.Port5900Enabled);
        Assert.True(after.KvmEnabled);
        Assert.Equal(Password, simulated.Kvm.RfbPassword);
        Assert.True(simulated.Redirection.KvmEnabled);
    }

    [Fact]
    public async Task Kvm_is_switched_off_and_on()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var off = await device.SetKvmSettingsAsync(new KvmSettingsChange { KvmEnabled = false }, cancellation);
        var stateOff = simulated.Redirection.KvmEnabled;
        var on = await device.SetKvmSettingsAsync(new KvmSettingsChange { KvmEnabled = true }, cancellation);

        Assert.False(off.KvmEnabled);
        Assert.False(stateOff);
        Assert.True(on.KvmEnabled);
    }

    [Fact]
    public async Task Out_of_range_values_are_refused_before_any_request()
    {
        await using var simulated = await KvmTestDevices.StartAsync();
        await using var device = KvmTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var requests = simulated.RequestCount;

        await Assert.ThrowsAsync<ArgumentException>(() => device.SetKvmSettingsAsync(new KvmSettingsChange { DefaultScreen = 3, SessionTimeoutMinutes = 5 }, cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => device.SetKvmSettingsAsync(new KvmSettingsChange { SessionTimeoutMinutes = -1 }, cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => device.SetKvmSettingsAsync(new KvmSettingsChange { ConsentTimeoutSeconds = 70_000 }, cancellation));
        var noPassword = await Assert.ThrowsAsync<ArgumentException>(() => device.SetKvmSettingsAsync(new KvmSettingsChange { Port5900Enabled = true }, cancellation));

        Assert.Contains("RFB password", noPassword.Message, StringComparison.Ordinal);
        Assert.Equal(requests, simulated.RequestCount);
        Assert.Equal(3, simulated.Kvm.SessionTimeout);
    }

    [Fact]
    public async Task A_third_screen_on_amt8_and_port5900_on_amt16_send_no_put()
    {
        await using var amt8 = await KvmTestDevices.StartAsync(FirmwareProfiles.Amt8);
        await using var amt16 = await KvmTestDevices.StartAsync(FirmwareProfiles.Amt16);
        var changes8 = KvmTestDevices.RecordChanges(amt8);
        var changes16 = KvmTestDevices.RecordChanges(amt16);
        await using var device8 = KvmTestDevices.Connect(amt8);
        await using var device16 = KvmTestDevices.Connect(amt16);
        var cancellation = TestContext.Current.CancellationToken;

        var screen = await Assert.ThrowsAsync<ArgumentException>(() => device8.SetKvmSettingsAsync(new KvmSettingsChange { DefaultScreen = 2, SessionTimeoutMinutes = 7 }, cancellation));
        var port = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device16.SetKvmSettingsAsync(new KvmSettingsChange { Port5900Enabled = true, RfbPassword = RfbPassword.Create(Password), SessionTimeoutMinutes = 7 }, cancellation));

        Assert.Contains("0 to 1 on AMT 8", screen.Message, StringComparison.Ordinal);
        Assert.Contains("5900", port.Message, StringComparison.Ordinal);
        Assert.Empty(changes8);
        Assert.Empty(changes16);
        Assert.Equal(3, amt8.Kvm.SessionTimeout);
        Assert.Null(amt16.Kvm.RfbPassword);
    }

    [Fact]
    public async Task Consent_cannot_be_turned_off_in_client_control_mode()
    {
        await using var simulated = await KvmTestDevices.StartAsync(configure: options => options with { ControlMode = Simulator.ControlMode.Client });
        var changes = KvmTestDevices.RecordChanges(simulated);
        await using var device = KvmTestDevices.Connect(simulated);

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device.SetKvmSettingsAsync(new KvmSettingsChange { ConsentRequired = false, DefaultScreen = 1 }, TestContext.Current.CancellationToken));

        Assert.Contains("client control mode", error.Message, StringComparison.Ordinal);
        Assert.Empty(changes);
        Assert.Equal(0, simulated.Kvm.DefaultScreen);
    }

    [Theory]
    [InlineData("Vnc#202", "exactly 8 characters")]
    [InlineData("vnc#2024", "upper-case")]
    [InlineData("VNC#2024", "lower-case")]
    [InlineData("Vnc#abcd", "digit")]
    [InlineData("Vnc_2024", "symbol")]
    [InlineData("Vnc:2024", "':'")]
    public void A_weak_rfb_password_is_refused_without_being_quoted(string candidate, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => RfbPassword.Create(candidate));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rfb_password_does_not_print_itself()
    {
        var password = RfbPassword.Create(Password);
        var change = new KvmSettingsChange { RfbPassword = password, Port5900Enabled = true };

        Assert.DoesNotContain(Password, password.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, change.ToString(), StringComparison.Ordinal);
        Assert.Equal(Password, password.Reveal());
    }

    [Fact]
    public async Task Kvm_settings_on_amt5_say_kvm_is_missing()
    {
        await using var simulated = await KvmTestDevices.StartAsync(FirmwareProfiles.Amt5);
        await using var device = new AmtDevice(new AmtConnectionOptions
        {
            Host = simulated.Address.ToString(),
            Credentials = new Transport.AmtCredentials(simulated.Options.User, simulated.Options.Password),
            Protocol = ManagementProtocol.WsMan,
            Timeout = TimeSpan.FromSeconds(10),
        });

        var error = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() => device.GetKvmSettingsAsync(TestContext.Current.CancellationToken));

        Assert.Contains("no KVM", error.Message, StringComparison.Ordinal);
    }
}
