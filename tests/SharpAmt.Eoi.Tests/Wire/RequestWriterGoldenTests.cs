using System.Text;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Eoi.Wire;
using Xunit;

namespace SharpAmt.Eoi.Tests.Wire;

/// <summary>The client writes each call byte for byte as amttool does, and the device reads amttool's bytes back to the same call.</summary>
public sealed class RequestWriterGoldenTests
{
    public static TheoryData<string, EoiRequest> AmttoolCalls()
    {
        EoiRequest Reset(EoiSpecialCommand? special, uint? oem = null) =>
            RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset, special, oem));

        var staticChange = new EoiInterfaceChange(
            EoiInterfaceMode.SeparateMacAddress,
            14,
            new EoiIpv4Parameters(
                EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 100)),
                EoiValues.ToAddress(Golden.AmttoolAddress(255, 255, 255, 0)),
                EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 1)),
                EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 1)),
                EoiValues.ToAddress(0)));
        return new TheoryData<string, EoiRequest>
        {
            { "GetCoreVersion", SecurityAdministrationMessages.GetCoreVersion() },
            { "GetHostName", NetworkAdministrationMessages.GetHostName() },
            { "GetDomainName", NetworkAdministrationMessages.GetDomainName() },
            { "EnumerateInterfaces", NetworkAdministrationMessages.EnumerateInterfaces() },
            { "GetInterfaceSettings", NetworkAdministrationMessages.GetInterfaceSettings(0) },
            { "SetInterfaceSettings-static", NetworkAdministrationMessages.SetInterfaceSettings(0, staticChange) },
            { "SetInterfaceSettings-dhcp", NetworkAdministrationMessages.SetInterfaceSettings(0, new EoiInterfaceChange(EoiInterfaceMode.SharedMacAddress, 14, null)) },
            { "GetSystemPowerState", RemoteControlMessages.GetSystemPowerState() },
            { "GetRemoteControlCapabilities", RemoteControlMessages.GetRemoteControlCapabilities() },
            { "RemoteControl-reset-none", Reset(null) },
            { "RemoteControl-reset-nop", Reset(EoiSpecialCommand.Nop) },
            { "RemoteControl-reset-pxe", Reset(EoiSpecialCommand.Pxe) },
            { "RemoteControl-reset-hd", Reset(EoiSpecialCommand.HardDisk) },
            { "RemoteControl-reset-hdsafe", Reset(EoiSpecialCommand.HardDiskSafeMode) },
            { "RemoteControl-reset-diag", Reset(EoiSpecialCommand.Diagnostics) },
            { "RemoteControl-reset-cd", Reset(EoiSpecialCommand.CdDvd) },
            { "RemoteControl-reset-bios", Reset(EoiSpecialCommand.IntelOem, EoiOemParameters.UseSol) },
            { "RemoteControl-powerdown", RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerDown)) },
        };
    }

    [Theory]
    [MemberData(nameof(AmttoolCalls))]
    public void The_client_writes_what_amttool_sends(string golden, EoiRequest request)
    {
        Assert.Equal(Golden.Amttool(golden), EoiRequestWriter.WriteText(request));
    }

    [Theory]
    [MemberData(nameof(AmttoolCalls))]
    public void The_device_reads_amttools_bytes_as_the_same_call(string golden, EoiRequest request)
    {
        var read = EoiRequestReader.Read(Encoding.UTF8.GetBytes(Golden.Amttool(golden)));

        Assert.Equal(request, read);
    }

    [Fact]
    public void Amttools_netconf_addresses_come_through_as_sent_however_odd()
    {
        var read = EoiRequestReader.Read(Encoding.UTF8.GetBytes(Golden.Amttool("SetInterfaceSettings-static")));

        var (handle, change) = NetworkAdministrationMessages.ReadSetInterfaceSettings(read);

        Assert.Equal(0u, handle);
        Assert.Equal(EoiInterfaceMode.SeparateMacAddress, change.Mode);
        Assert.Equal(14, change.LinkPolicy);
        // 192.168.1.100 and 255.255.255.0 as amttool computes them (second octet times 256 × 246).
        Assert.Equal("192.161.113.100", change.Ipv4!.LocalAddress.ToString());
        Assert.Equal("255.246.9.0", change.Ipv4.SubnetMask.ToString());
        Assert.Equal("0.0.0.0", change.Ipv4.SecondaryDns.ToString());
    }

    [Fact]
    public void Empty_and_nil_arguments_take_soap_lites_forms_and_text_is_escaped()
    {
        var request = new EoiRequest(EoiOperations.SetDomainName, [EoiElement.Leaf("DomainName", ""), EoiElement.Nil("Other"), EoiElement.Leaf("X", "a&b<c>\"d\r")]);

        var text = EoiRequestWriter.WriteText(request);

        Assert.Contains("<SetDomainName xmlns=\"http://schemas.intel.com/platform/client/NetworkAdministration/2004/01\"><DomainName /><Other xsi:nil=\"true\" /><X>a&amp;b&lt;c&gt;&quot;d&#xD;</X></SetDomainName>", text, StringComparison.Ordinal);
        Assert.Equal(request, EoiRequestReader.Read(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Soap_action_is_the_quoted_namespace_and_operation()
    {
        Assert.Equal("\"http://schemas.intel.com/platform/client/RemoteControl/2004/01#RemoteControl\"", EoiOperations.RemoteControl.SoapAction);
        Assert.Equal("/SecurityAdministrationService", EoiOperations.GetCoreVersion.Service.Path);
        Assert.Equal("http://schemas.intel.com/platform/client/NetworkAdministration/2004/01", EoiServices.NetworkAdministration.Namespace);
    }
}
