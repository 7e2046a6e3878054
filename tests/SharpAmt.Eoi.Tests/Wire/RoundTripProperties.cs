using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Eoi.Wire;
using Xunit;

namespace SharpAmt.Eoi.Tests.Wire;

/// <summary>Every typed call and reply, written by one side and read by the other, comes back as it was.</summary>
public sealed class RoundTripProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static EoiRequest ThroughTheWire(EoiRequest request) => EoiRequestReader.Read(EoiRequestWriter.Write(request));

    private static EoiResponse ThroughTheWire(EoiResponse response)
    {
        var reply = EoiResponseReader.Read(EoiResponseWriter.Write(response), response.Operation);
        Assert.Null(reply.Fault);
        return reply.Response!;
    }

    [Fact]
    public void Names_round_trip_both_ways()
    {
        Check.One(Runs, Prop.ForAll(EoiGenerators.Text.ToArbitrary(), name =>
        {
            Assert.Equal(name, NetworkAdministrationMessages.ReadSetHostName(ThroughTheWire(NetworkAdministrationMessages.SetHostName(name))));
            Assert.Equal(name, NetworkAdministrationMessages.ReadSetDomainName(ThroughTheWire(NetworkAdministrationMessages.SetDomainName(name))));
            Assert.Equal(name, NetworkAdministrationMessages.ReadHostName(ThroughTheWire(NetworkAdministrationMessages.HostNameReply(name))));
            Assert.Equal(name, NetworkAdministrationMessages.ReadDomainName(ThroughTheWire(NetworkAdministrationMessages.DomainNameReply(name))));
            Assert.Equal(name, SecurityAdministrationMessages.ReadCoreVersion(ThroughTheWire(SecurityAdministrationMessages.CoreVersion(name))));
        }));
    }

    [Fact]
    public void Interface_settings_and_changes_round_trip()
    {
        Check.One(Runs, Prop.ForAll(EoiGenerators.InterfaceSettings.ToArbitrary(), EoiGenerators.InterfaceChange.ToArbitrary(), EoiGenerators.UInt32.ToArbitrary(), (settings, change, handle) =>
        {
            Assert.Equal(settings, NetworkAdministrationMessages.ReadInterfaceSettings(ThroughTheWire(NetworkAdministrationMessages.InterfaceSettingsReply(settings))));
            Assert.Equal((handle, change), NetworkAdministrationMessages.ReadSetInterfaceSettings(ThroughTheWire(NetworkAdministrationMessages.SetInterfaceSettings(handle, change))));
            Assert.Equal(handle, NetworkAdministrationMessages.ReadHandle(ThroughTheWire(NetworkAdministrationMessages.GetInterfaceSettings(handle))));
        }));
    }

    [Fact]
    public void Interfaces_ping_and_vlan_round_trip()
    {
        Check.One(Runs, Prop.ForAll(Gen.ListOf(EoiGenerators.UInt32).ToArbitrary(), EoiGenerators.Boolean.ToArbitrary(), EoiGenerators.UInt16.ToArbitrary(), (handles, enabled, tag) =>
        {
            Assert.Equal(handles, NetworkAdministrationMessages.ReadInterfaces(ThroughTheWire(NetworkAdministrationMessages.InterfacesReply(handles))));
            Assert.Equal(enabled, NetworkAdministrationMessages.ReadPingResponse(ThroughTheWire(NetworkAdministrationMessages.PingResponseReply(enabled))));
            Assert.Equal(enabled, NetworkAdministrationMessages.ReadSetPingResponse(ThroughTheWire(NetworkAdministrationMessages.SetPingResponse(enabled))));
            var vlan = new EoiVlanSettings(enabled, tag);
            Assert.Equal(vlan, NetworkAdministrationMessages.ReadVlan(ThroughTheWire(NetworkAdministrationMessages.VlanReply(vlan))));
            Assert.Equal((tag, vlan), NetworkAdministrationMessages.ReadSetVlanParameters(ThroughTheWire(NetworkAdministrationMessages.SetVlanParameters(tag, vlan))));
        }));
    }

    [Fact]
    public void Remote_control_calls_and_replies_round_trip()
    {
        Check.One(Runs, Prop.ForAll(EoiGenerators.RemoteControl.ToArbitrary(), EoiGenerators.Capabilities.ToArbitrary(), EoiGenerators.UInt32.ToArbitrary(), (request, capabilities, state) =>
        {
            Assert.Equal(request, RemoteControlMessages.ReadRemoteControl(ThroughTheWire(RemoteControlMessages.RemoteControl(request))));
            Assert.Equal(capabilities, RemoteControlMessages.ReadCapabilities(ThroughTheWire(RemoteControlMessages.CapabilitiesReply(capabilities))));
            Assert.Equal(state, RemoteControlMessages.ReadSystemPowerState(ThroughTheWire(RemoteControlMessages.SystemPowerStateReply(state))));
        }));
    }

    [Fact]
    public void Any_status_reads_back_and_every_argument_less_call_is_nil()
    {
        Check.One(Runs, Prop.ForAll(EoiGenerators.UInt32.ToArbitrary(), Gen.Elements(EoiOperations.All.ToArray()).ToArbitrary(), (status, operation) =>
        {
            Assert.Equal(EoiResponse.Refused(operation, status), ThroughTheWire(EoiResponse.Refused(operation, status)));
            var call = new EoiRequest(operation);
            Assert.Equal(call, ThroughTheWire(call));
            Assert.Contains($"<{operation.Name} xmlns=\"{operation.Service.Namespace}\" xsi:nil=\"true\" />", EoiRequestWriter.WriteText(call), StringComparison.Ordinal);
        }));
    }
}
