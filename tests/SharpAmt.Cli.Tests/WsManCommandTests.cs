using System.Text.Json;
using System.Xml.Linq;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

public sealed class WsManCommandTests
{
    [Fact]
    public async Task Get_prints_properties_as_a_table_xml_or_json()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();

        var table = await harness.RunAsync("wsman", host, "get", "AMT_GeneralSettings");
        var xml = await harness.RunAsync("wsman", host, "get", "AMT_GeneralSettings", "--xml");
        var json = await harness.RunAsync("wsman", host, "get", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings", "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("DigestRealm", table.Out, StringComparison.Ordinal);
        Assert.Contains(device.Identity.Realm, table.Out, StringComparison.Ordinal);
        var element = XElement.Parse(xml.Out);
        Assert.Equal("AMT_GeneralSettings", element.Name.LocalName);
        Assert.Equal(device.General.HostName, element.Element(element.Name.Namespace + "HostName")!.Value);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("AMT_GeneralSettings", document.RootElement.GetProperty("className").GetString());
        Assert.Equal(device.Identity.Realm, document.RootElement.GetProperty("properties").GetProperty("DigestRealm").GetString());
    }

    [Fact]
    public async Task Enum_lists_every_instance_with_references_on_request()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();
        var host = device.Address.ToString();

        var plain = await harness.RunAsync("wsman", host, "enum", "CIM_SoftwareIdentity", "--json");
        var withReferences = await harness.RunAsync("wsman", host, "enum", "CIM_ServiceAvailableToElement", "--epr");

        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        using var document = JsonDocument.Parse(plain.Out);
        var versions = document.RootElement.EnumerateArray()
            .Select(item => item.GetProperty("properties"))
            .ToDictionary(properties => properties.GetProperty("InstanceID").GetString()!, properties => properties.GetProperty("VersionString").GetString());
        Assert.Equal("12.0.67", versions["AMT"]);
        Assert.Equal("1579", versions["Build Number"]);
        Assert.Equal(ExitCodes.Success, withReferences.ExitCode);
        Assert.Contains("→ CIM_AssociatedPowerManagementService(", withReferences.Out, StringComparison.Ordinal);
        Assert.Contains("→ CIM_ComputerSystem(CreationClassName=CIM_ComputerSystem, Name=ManagedSystem)", withReferences.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_changes_the_given_properties_and_prints_the_result()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "put", "AMT_GeneralSettings", "HostName=renamed-host", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("renamed-host", device.General.HostName);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("renamed-host", document.RootElement.GetProperty("properties").GetProperty("HostName").GetString());
        Assert.Equal("sim.lan", document.RootElement.GetProperty("properties").GetProperty("DomainName").GetString());
    }

    [Fact]
    public async Task Invoke_passes_arguments_and_endpoint_references()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "invoke", "CIM_PowerManagementService", "RequestPowerStateChange",
            "PowerState=8", "ManagedElement=ref:CIM_ComputerSystem?CreationClassName=CIM_ComputerSystem&Name=ManagedSystem",
            "--selector", "Name=Intel(r) AMT Power Management Service");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("RequestPowerStateChange_OUTPUT", result.Out, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }

    [Fact]
    public async Task Invoke_prints_the_output_and_fails_on_a_non_zero_return_value()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "invoke", "IPS_OptInService", "CancelOptIn");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("ReturnValue", result.Out, StringComparison.Ordinal);
        Assert.Equal($"amt: {device.Address}:16992: IPS_OptInService.CancelOptIn returned 2 (not ready or invalid state)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_class_the_device_lacks_is_a_device_error()
    {
        using var harness = new CliHarness();
        await using var device = await TestDevices.StartAsync();

        var result = await harness.RunAsync("wsman", device.Address.ToString(), "get", "AMT_NoSuchClass");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("DestinationUnreachable", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
