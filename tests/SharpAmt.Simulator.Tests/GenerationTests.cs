using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>Classes a firmware generation lacks answer as that firmware does: HTTP 400 with DestinationUnreachable.</summary>
public sealed class GenerationTests
{
    [Theory]
    [InlineData("6.2.61", "IPS_PowerManagementService", false)]
    [InlineData("6.2.61", "IPS_OptInService", true)]
    [InlineData("6.2.61", "IPS_ScreenSettingData", false)]
    [InlineData("8.1.71", "IPS_ScreenSettingData", true)]
    [InlineData("8.1.71", "IPS_PowerManagementService", false)]
    [InlineData("11.8.50", "IPS_PowerManagementService", true)]
    [InlineData("16.1.25", "IPS_PowerManagementService", true)]
    public async Task A_class_exists_only_from_its_generation(string firmware, string className, bool present)
    {
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = TestAddresses.Next(),
            Firmware = FirmwareProfiles.Find(firmware)!,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        if (present)
        {
            var instance = await client.GetAsync(className, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(className, instance.Name);
            return;
        }

        var fault = await Assert.ThrowsAsync<WsManFaultException>(() => client.GetAsync(className, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(400, fault.HttpStatus);
        Assert.Equal("DestinationUnreachable", fault.Fault.Subcode);
        Assert.True(fault.MeansNotPresent);
    }

    [Theory]
    [InlineData("6.2.61", "6.2.61", new[] { 10, 8, 5, 11 })]
    [InlineData("8.1.71", "8.1.71", new[] { 10, 8, 5, 11 })]
    [InlineData("11.8.50", "11.8.50.3425", new[] { 10, 8, 5, 11, 4, 7, 14, 12 })]
    [InlineData("16.1.25", "16.1.25.2124", new[] { 10, 8, 5, 11, 4, 7, 14, 12 })]
    public async Task Each_generation_reports_its_version_and_power_states(string firmware, string serverVersion, int[] available)
    {
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = TestAddresses.Next(),
            Firmware = FirmwareProfiles.Find(firmware)!,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        await using var client = SimulatedDeviceFixture.ClientFor(device);

        var power = await client.EnumerateObjectsAsync("CIM_ServiceAvailableToElement", TestContext.Current.CancellationToken);

        Assert.Equal("Intel(R) Active Management Technology " + serverVersion, client.Http.ServerHeader);
        Assert.Equal(available, power.Single().GetInt64s("AvailableRequestedPowerStates").Select(value => (int)value));
        Assert.Equal("CIM_AssociatedPowerManagementService", power.Single().Name);
    }
}
