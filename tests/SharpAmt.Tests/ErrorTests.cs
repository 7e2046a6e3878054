using System.Diagnostics;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_that_never_shows_the_password()
    {
        await using var simulated = await TestDevices.StartAsync();
        const string password = "N0t-the-Right1";
        await using var device = TestDevices.Connect(simulated, password: password);

        var error = await Assert.ThrowsAsync<AmtAuthenticationException>(() => device.GetInfoAsync(TestContext.Current.CancellationToken));

        Assert.Contains("admin", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_fails_with_a_clear_error_within_the_timeout()
    {
        var nobody = TestDevices.NextAddress();
        await using var device = new AmtDevice(new AmtConnectionOptions
        {
            Host = nobody.ToString(),
            Credentials = new AmtCredentials("admin", "P@ssw0rd"),
            Timeout = TimeSpan.FromSeconds(2),
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => device.GetInfoAsync(TestContext.Current.CancellationToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), clock.Elapsed.ToString());
        Assert.Equal(ConnectionFailure.Refused, error.Failure);
        Assert.StartsWith($"{nobody}:16992: connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_only_firmware_serves_over_tls_with_the_certificate_pinned_on_first_use()
    {
        await using var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        var store = new InMemoryTrustStore();
        var cancellation = TestContext.Current.CancellationToken;

        await using (var device = TestDevices.Connect(simulated, tls: true, store: store))
        {
            var info = await device.GetInfoAsync(cancellation);
            Assert.Equal(16, info.Version!.Major);
        }

        var endpoint = $"{simulated.Address}:16993";
        Assert.True(CertificateFingerprint.AreEqual(CertificateFingerprint.Sha256(simulated.TlsCertificate), store.FindPin(endpoint)!));
        Assert.Equal(simulated.Identity.Realm, store.FindRealm(simulated.Address.ToString()));

        await using (var plain = TestDevices.Connect(simulated, tls: false, timeout: TimeSpan.FromSeconds(1)))
        {
            var error = await Assert.ThrowsAsync<AmtConnectionException>(() => plain.GetInfoAsync(cancellation));
            Assert.Equal(ConnectionFailure.Refused, error.Failure);
        }
    }

    [Fact]
    public async Task A_changed_certificate_is_refused_and_both_fingerprints_are_shown()
    {
        var store = new InMemoryTrustStore();
        var cancellation = TestContext.Current.CancellationToken;
        var simulated = await TestDevices.StartAsync(FirmwareProfiles.Amt16);
        var address = simulated.Address;
        await using (var device = TestDevices.Connect(simulated, tls: true, store: store))
        {
            await device.GetGeneralSettingsAsync(cancellation);
        }

        var pinned = store.FindPin($"{address}:16993")!;
        await simulated.DisposeAsync();

        // Another device (with its own new certificate) answers at the same address.
        await using var impostor = new Simulator.SimulatedDevice(simulated.Options with { IdentitySeed = 1 });
        await impostor.StartAsync(cancellation);
        await using var again = TestDevices.Connect(impostor, tls: true, store: store);

        var error = await Assert.ThrowsAsync<AmtCertificateException>(() => again.GetGeneralSettingsAsync(cancellation));

        Assert.Equal(CertificateProblem.PinMismatch, error.Problem);
        Assert.Contains(pinned, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.PresentedFingerprint, error.Message, StringComparison.Ordinal);
        Assert.NotEqual(pinned, error.PresentedFingerprint);
    }

    [Fact]
    public async Task A_changed_realm_is_refused()
    {
        var store = new InMemoryTrustStore();
        var cancellation = TestContext.Current.CancellationToken;
        var simulated = await TestDevices.StartAsync();
        await using (var device = TestDevices.Connect(simulated, store: store))
        {
            await device.GetGeneralSettingsAsync(cancellation);
        }

        await simulated.DisposeAsync();
        await using var reprovisioned = new Simulator.SimulatedDevice(simulated.Options with { IdentitySeed = 7 });
        await reprovisioned.StartAsync(cancellation);
        await using var again = TestDevices.Connect(reprovisioned, store: store);

        var error = await Assert.ThrowsAsync<AmtRealmChangedException>(() => again.GetGeneralSettingsAsync(cancellation));

        Assert.Equal(simulated.Identity.Realm, error.RememberedRealm);
        Assert.Equal(reprovisioned.Identity.Realm, error.PresentedRealm);
    }
}
