using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using Xunit;

namespace SharpAmt.Eoi.Tests.Wire;

/// <summary>Replies byte for byte in real AMT's shape, which amtc matches as literal strings (reference section 5.3).</summary>
public sealed class ResponseWriterGoldenTests
{
    private const string RemoteControlHead =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
        "xmlns:b=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"><SOAP-ENV:Body>";

    private const string NetworkHead =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
        "xmlns:b=\"http://schemas.intel.com/platform/client/NetworkAdministration/2004/01\"><SOAP-ENV:Body>";

    private const string Tail = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    [Fact]
    public void GetSystemPowerState_is_the_reference_reply_that_amtc_matches()
    {
        var text = EoiResponseWriter.WriteText(RemoteControlMessages.SystemPowerStateReply(5));

        Assert.Equal(
            RemoteControlHead + "<b:GetSystemPowerStateResponse><b:Status>0</b:Status><b:SystemPowerState>5</b:SystemPowerState></b:GetSystemPowerStateResponse>" + Tail,
            text);
        Assert.Contains("<b:Status>0</b:Status><b:SystemPowerState>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteControl_carries_the_status_alone_where_amtc_looks_for_it()
    {
        Assert.Equal(
            RemoteControlHead + "<b:RemoteControlResponse><b:Status>0</b:Status></b:RemoteControlResponse>" + Tail,
            EoiResponseWriter.WriteText(new EoiResponse(EoiOperations.RemoteControl)));
        Assert.Equal(
            RemoteControlHead + "<b:RemoteControlResponse><b:Status>2051</b:Status></b:RemoteControlResponse>" + Tail,
            EoiResponseWriter.WriteText(EoiResponse.Refused(EoiOperations.RemoteControl, PtStatus.InvalidCommand)));
    }

    [Fact]
    public void Capabilities_come_in_the_order_amttool_reads_them()
    {
        var text = EoiResponseWriter.WriteText(RemoteControlMessages.CapabilitiesReply(new EoiRemoteControlCapabilities(343, 31, 7936, 15, 0xF86E)));

        Assert.Equal(
            RemoteControlHead + "<b:GetRemoteControlCapabilitiesResponse><b:Status>0</b:Status><b:IanaOemNumber>343</b:IanaOemNumber>" +
            "<b:OemDefinedCapabilities>31</b:OemDefinedCapabilities><b:SpecialCommandsSupported>7936</b:SpecialCommandsSupported>" +
            "<b:SystemCapabilitiesSupported>15</b:SystemCapabilitiesSupported><b:SystemFirmwareCapabilities>63598</b:SystemFirmwareCapabilities>" +
            "</b:GetRemoteControlCapabilitiesResponse>" + Tail,
            text);
    }

    [Fact]
    public void Core_version_uses_the_security_administration_namespace_and_status_name()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
            "xmlns:b=\"http://schemas.intel.com/platform/client/SecurityAdministration/2004/01\"><SOAP-ENV:Body>" +
            "<b:GetCoreVersionResponse><b:StatusCode>0</b:StatusCode><b:Version>5.2.70</b:Version></b:GetCoreVersionResponse>" + Tail,
            EoiResponseWriter.WriteText(SecurityAdministrationMessages.CoreVersion("5.2.70")));
    }

    [Fact]
    public void Interface_settings_nest_the_descriptor_and_its_ipv4_parameters()
    {
        var settings = new EoiInterfaceSettings(
            "Intel(R) 82567LM-3 Gigabit Network Connection", "00-1b-21-0a-0b-0c", EoiInterfaceMode.SharedMacAddress, 15, true,
            new EoiIpv4Parameters(
                System.Net.IPAddress.Parse("192.168.1.100"), System.Net.IPAddress.Parse("255.255.255.0"), System.Net.IPAddress.Parse("192.168.1.1"),
                System.Net.IPAddress.Parse("192.168.1.1"), System.Net.IPAddress.Any));

        Assert.Equal(
            NetworkHead + "<b:GetInterfaceSettingsResponse><b:StatusCode>0</b:StatusCode><b:InterfaceDescriptor>" +
            "<b:HardwareAddressDescription>Intel(R) 82567LM-3 Gigabit Network Connection</b:HardwareAddressDescription>" +
            "<b:MACAddress>00-1b-21-0a-0b-0c</b:MACAddress><b:InterfaceMode>SHARED_MAC_ADDRESS</b:InterfaceMode><b:LinkPolicy>15</b:LinkPolicy>" +
            "<b:DhcpEnabled>true</b:DhcpEnabled><b:IPv4Parameters><b:LocalAddress>3232235876</b:LocalAddress><b:SubnetMask>4294967040</b:SubnetMask>" +
            "<b:DefaultGatewayAddress>3232235777</b:DefaultGatewayAddress><b:PrimaryDnsAddress>3232235777</b:PrimaryDnsAddress>" +
            "<b:SecondaryDnsAddress>0</b:SecondaryDnsAddress></b:IPv4Parameters></b:InterfaceDescriptor></b:GetInterfaceSettingsResponse>" + Tail,
            EoiResponseWriter.WriteText(NetworkAdministrationMessages.InterfaceSettingsReply(settings)));
    }

    [Fact]
    public void Interfaces_are_one_element_each_and_empty_text_is_an_open_close_pair()
    {
        Assert.Equal(
            NetworkHead + "<b:EnumerateInterfacesResponse><b:StatusCode>0</b:StatusCode><b:InterfaceHandles>0</b:InterfaceHandles>" +
            "<b:InterfaceHandles>1</b:InterfaceHandles></b:EnumerateInterfacesResponse>" + Tail,
            EoiResponseWriter.WriteText(NetworkAdministrationMessages.InterfacesReply([0, 1])));
        Assert.Equal(
            NetworkHead + "<b:GetDomainNameResponse><b:StatusCode>0</b:StatusCode><b:DomainName></b:DomainName></b:GetDomainNameResponse>" + Tail,
            EoiResponseWriter.WriteText(NetworkAdministrationMessages.DomainNameReply("")));
    }

    [Fact]
    public void A_fault_is_soap_1_1_with_unqualified_code_and_string()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>" +
            "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>no &lt;such&gt; call</faultstring></SOAP-ENV:Fault>" + Tail,
            EoiResponseWriter.WriteFaultText(new EoiFault(EoiFault.Client, "no <such> call")));
    }
}
