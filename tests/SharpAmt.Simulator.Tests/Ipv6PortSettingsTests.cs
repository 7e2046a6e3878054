using System.Net;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// IPS_IPv6PortSettings of the wired interface: the manual address, router and DNS servers as the device holds
/// them ("::" for none), changed by a Put as MeshCommander sends it, and refused whole for a value that is not an
/// IPv6 address. Devices live on 127.0.85.220–254 only.
/// </summary>
public sealed class Ipv6PortSettingsTests
{
    private static readonly SelectorSet Wired = SelectorSet.Of(("InstanceID", "Intel(r) IPS IPv6 Settings 0"));
    private static int _next;

    [Theory]
    [InlineData("6.2.61")]
    [InlineData("16.1.25")]
    public async Task A_put_sets_the_manual_addresses_and_double_colon_clears_them(string firmware)
    {
        await using var device = await StartAsync(FirmwareProfiles.Find(firmware)!);
        var events = SettingsEvents.Record(device);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var cancellation = TestContext.Current.CancellationToken;
        var current = await client.GetAsync(AmtClassNames.Ipv6PortSettings, Wired, cancellation);

        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current
            .With("IPv6Address", "2001:DB8:0::5").With("DefaultRouter", "fe80::1").With("PrimaryDNS", "2001:db8::53").With("SecondaryDNS", "::")));
        var answered = Assert.IsType<ObjectResponseBody>(reply.Body).Object;
        var reread = await client.GetAsync(AmtClassNames.Ipv6PortSettings, Wired, cancellation);
        var cleared = await client.PutAsync(reread.With("IPv6Address", "::"), Wired, cancellation);

        Assert.Equal(200, status);
        Assert.Equal(["2001:db8::5", "fe80::1", "2001:db8::53", "::"], new[] { "IPv6Address", "DefaultRouter", "PrimaryDNS", "SecondaryDNS" }.Select(name => answered.GetString(name)));
        var names = answered.Properties.Select(property => property.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(ReplyShape.Describe(current).Count, ReplyShape.Describe(answered).Count);
        Assert.Equal("2001:db8::5", reread.GetString("IPv6Address"));
        Assert.Equal("::", cleared.GetString("IPv6Address"));
        Assert.Equal(("", "fe80::1", "2001:db8::53", ""), (device.Ipv6.ManualAddress, device.Ipv6.DefaultRouter, device.Ipv6.PrimaryDns, device.Ipv6.SecondaryDns));
        Assert.Equal(2, events().Count);
    }

    [Theory]
    [InlineData("IPv6Address", "192.0.2.5")]
    [InlineData("IPv6Address", "fe80::1%eth0")]
    [InlineData("DefaultRouter", "router")]
    [InlineData("PrimaryDNS", "")]
    [InlineData("SecondaryDNS", "2001:db8:::1")]
    public async Task A_value_that_is_not_an_ipv6_address_is_refused_and_changes_nothing(string name, string value)
    {
        await using var device = await StartAsync(FirmwareProfiles.Amt12);
        var events = SettingsEvents.Record(device);
        await using var client = SimulatedDeviceFixture.ClientFor(device);
        var current = await client.GetAsync(AmtClassNames.Ipv6PortSettings, Wired, TestContext.Current.CancellationToken);

        var (status, _, reply) = await RawWsMan.SendAsync(client, Put(current.With("IPv6Address", "2001:db8::5").With(name, value)));

        Assert.Equal(400, status);
        var fault = Assert.IsType<FaultResponseBody>(reply.Body).Fault;
        Assert.Equal(("InternalError", "AMT-STATUS 27"), (fault.Subcode, fault.Detail));
        Assert.Equal("", device.Ipv6.ManualAddress);
        Assert.Empty(events());
    }

    private static WsManRequest Put(WsManObject instance) => new(WsManActions.Put, instance.Namespace)
    {
        Selectors = Wired,
        Body = new ObjectRequestBody(instance),
    };


    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile firmware)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 35)
        {
            throw new InvalidOperationException("the IPv6 port settings tests ran out of addresses in 127.0.85.220-254");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 85, (byte)(219 + index) }),
            Firmware = firmware,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }
}
