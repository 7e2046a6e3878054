using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>Start and login between the client and the device side, over real loopback TCP.</summary>
public sealed class AuthenticationTests
{
    private static RedirectionClientOptions Client(string host, string password = StandaloneDevice.Password, RedirectionAuthentication mode = RedirectionAuthentication.Auto) => new()
    {
        Host = host,
        Credentials = new AmtCredentials("admin", password),
        Authentication = mode,
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Auto_picks_digest_with_qop_on_the_simulator()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);

        await using var session = await RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Sol, cancellation);

        Assert.Equal(AuthenticationType.DigestWithQop, session.Authentication);
        Assert.Equal(12, session.FirmwareMajor);
    }

    [Fact]
    public async Task Plain_login_as_amtterm_1_4_does_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);

        await using var session = await RedirectionClient.ConnectAsync(device.Client(authentication: RedirectionAuthentication.Plain), RedirectionSessionType.Sol, cancellation);

        Assert.Equal(AuthenticationType.Plain, session.Authentication);
    }

    [Theory]
    [InlineData(new[] { AuthenticationType.DigestWithQop }, AuthenticationType.DigestWithQop)]
    [InlineData(new[] { AuthenticationType.Digest }, AuthenticationType.Digest)]
    [InlineData(new[] { AuthenticationType.Plain }, AuthenticationType.Plain)]
    [InlineData(new[] { AuthenticationType.Plain, AuthenticationType.Digest }, AuthenticationType.Digest)]
    public async Task Auto_uses_the_best_type_the_device_offers(AuthenticationType[] offered, AuthenticationType expected)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new StandaloneDevice((accounts, port) => new RedirectionDeviceOptions
        {
            Accounts = accounts,
            OfferedAuthentication = offered,
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature> { [RedirectionSessionType.Sol] = new SolDeviceFeature(port, () => true) },
        });

        await using var session = await RedirectionClient.ConnectAsync(Client(device.Address.ToString()), RedirectionSessionType.Sol, cancellation);

        Assert.Equal(expected, session.Authentication);
    }

    [Fact]
    public async Task Digest_only_refuses_a_device_that_offers_only_plain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new StandaloneDevice((accounts, port) => new RedirectionDeviceOptions
        {
            Accounts = accounts,
            OfferedAuthentication = [AuthenticationType.Plain],
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature> { [RedirectionSessionType.Sol] = new SolDeviceFeature(port, () => true) },
        });

        var error = await Assert.ThrowsAsync<AmtCommandException>(() =>
            RedirectionClient.ConnectAsync(Client(device.Address.ToString(), mode: RedirectionAuthentication.Digest), RedirectionSessionType.Sol, cancellation));

        Assert.Contains("offers no redirection authentication", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RedirectionAuthentication.Auto)]
    [InlineData(RedirectionAuthentication.Plain)]
    public async Task A_wrong_password_is_an_authentication_error_that_names_no_secret(RedirectionAuthentication mode)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);

        var error = await Assert.ThrowsAsync<AmtAuthenticationException>(() =>
            RedirectionClient.ConnectAsync(device.Client(password: "Wr0ng!pass", authentication: mode), RedirectionSessionType.Sol, cancellation));

        Assert.Equal("admin", error.User);
        Assert.DoesNotContain("Wr0ng", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Sol_disabled_is_refused_as_unsupported_at_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        device.Device.Redirection.SolEnabled = false;

        var error = await Assert.ThrowsAsync<RedirectionRefusedException>(() => RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Sol, cancellation));

        Assert.Equal(RedirectionStatus.Unsupported, error.Status);
        Assert.IsAssignableFrom<AmtCommandException>(error);
    }

    [Fact]
    public async Task Kvm_switched_off_is_refused_as_unsupported_at_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        device.Device.Redirection.KvmEnabled = false;

        var error = await Assert.ThrowsAsync<RedirectionRefusedException>(() => RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Kvm, cancellation));

        Assert.Equal(RedirectionStatus.Unsupported, error.Status);
    }

    [Fact]
    public async Task A_disabled_listener_resets_connections()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        device.Device.Redirection.ListenerEnabled = false;

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Sol, cancellation));

        Assert.True(error.Failure == ConnectionFailure.Reset || error.NoReplyOnFreshConnection, error.Message);
    }

    [Fact]
    public async Task Tls_only_firmware_serves_16995_and_not_16994()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(Simulator.Firmware.FirmwareProfiles.Amt16, cancellation);

        await using (var session = await RedirectionClient.ConnectAsync(device.Client(tls: true), RedirectionSessionType.Sol, cancellation))
        {
            Assert.Equal(AuthenticationType.DigestWithQop, session.Authentication);
        }

        var refused = await Assert.ThrowsAsync<AmtConnectionException>(() => RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Sol, cancellation));
        Assert.Equal(ConnectionFailure.Refused, refused.Failure);
    }
}
