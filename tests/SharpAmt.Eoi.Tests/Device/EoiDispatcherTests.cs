using System.Text;
using SharpAmt.Eoi.Device;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Eoi.Wire;
using Xunit;

namespace SharpAmt.Eoi.Tests.Device;

/// <summary>The dispatcher routes each call to its service method and answers in the shared codec; bad calls get faults and act on nothing.</summary>
public sealed class EoiDispatcherTests
{
    private readonly RecordingEoiService _service = new();
    private readonly EoiDispatcher _dispatcher;

    public EoiDispatcherTests()
    {
        _dispatcher = new EoiDispatcher(_service);
    }

    public static TheoryData<EoiRequest, string> Calls() => new()
    {
        { SecurityAdministrationMessages.GetCoreVersion(), "GetCoreVersion" },
        { NetworkAdministrationMessages.GetHostName(), "GetHostName" },
        { NetworkAdministrationMessages.SetHostName("pc7"), "SetHostName pc7" },
        { NetworkAdministrationMessages.GetDomainName(), "GetDomainName" },
        { NetworkAdministrationMessages.SetDomainName("corp.example"), "SetDomainName corp.example" },
        { NetworkAdministrationMessages.EnumerateInterfaces(), "EnumerateInterfaces" },
        { NetworkAdministrationMessages.GetInterfaceSettings(0), "GetInterfaceSettings 0" },
        { NetworkAdministrationMessages.SetInterfaceSettings(0, new EoiInterfaceChange(EoiInterfaceMode.SharedMacAddress, 14, null)), "SetInterfaceSettings 0 SharedMacAddress 14 " },
        { NetworkAdministrationMessages.GetPingResponse(), "GetPingResponse" },
        { NetworkAdministrationMessages.SetPingResponse(false), "SetPingResponse False" },
        { NetworkAdministrationMessages.GetVlanParameters(0), "GetVlanParameters 0" },
        { NetworkAdministrationMessages.SetVlanParameters(0, new EoiVlanSettings(true, 12)), "SetVlanParameters 0 True 12" },
        { RemoteControlMessages.GetSystemPowerState(), "GetSystemPowerState" },
        { RemoteControlMessages.GetRemoteControlCapabilities(), "GetRemoteControlCapabilities" },
        { RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerCycle, EoiSpecialCommand.Pxe)), "RemoteControl PowerCycle Pxe " },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Every_operation_reaches_its_service_method_and_succeeds(EoiRequest request, string call)
    {
        var reply = await _dispatcher.DispatchAsync(request.Operation.Service, EoiRequestWriter.Write(request), TestContext.Current.CancellationToken);

        Assert.False(reply.IsFault);
        Assert.Equal([call], _service.Calls);
        var response = EoiResponseReader.Read(reply.Envelope, request.Operation).Response!;
        Assert.Equal(0u, response.Status);
        Assert.Equal(request.Operation, reply.Operation);
    }

    [Fact]
    public async Task Replies_carry_the_services_values()
    {
        var cancellation = TestContext.Current.CancellationToken;
        async Task<EoiResponse> Call(EoiRequest request) =>
            EoiResponseReader.Read((await _dispatcher.DispatchAsync(request.Operation.Service, EoiRequestWriter.Write(request), cancellation)).Envelope, request.Operation).Response!;

        Assert.Equal("5.2.70", SecurityAdministrationMessages.ReadCoreVersion(await Call(SecurityAdministrationMessages.GetCoreVersion())));
        Assert.Equal(RecordingEoiService.Settings, NetworkAdministrationMessages.ReadInterfaceSettings(await Call(NetworkAdministrationMessages.GetInterfaceSettings(0))));
        Assert.Equal(RecordingEoiService.Capabilities, RemoteControlMessages.ReadCapabilities(await Call(RemoteControlMessages.GetRemoteControlCapabilities())));
        Assert.Equal(new EoiVlanSettings(true, 7), NetworkAdministrationMessages.ReadVlan(await Call(NetworkAdministrationMessages.GetVlanParameters(0))));
        Assert.Equal(5u, RemoteControlMessages.ReadSystemPowerState(await Call(RemoteControlMessages.GetSystemPowerState())));
    }

    [Fact]
    public async Task A_refusal_is_a_reply_with_the_status_and_no_out_parameters()
    {
        _service.Refuse = PtStatus.InvalidHandle;
        var request = NetworkAdministrationMessages.GetInterfaceSettings(3);

        var reply = await _dispatcher.DispatchAsync(EoiServices.NetworkAdministration, EoiRequestWriter.Write(request), TestContext.Current.CancellationToken);

        Assert.False(reply.IsFault);
        Assert.Equal(EoiResponse.Refused(EoiOperations.GetInterfaceSettings, PtStatus.InvalidHandle), EoiResponseReader.Read(reply.Envelope, request.Operation).Response);
    }

    [Fact]
    public async Task A_call_posted_to_another_services_path_is_a_fault_and_not_run()
    {
        var request = RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset));

        var reply = await _dispatcher.DispatchAsync(EoiServices.NetworkAdministration, EoiRequestWriter.Write(request), TestContext.Current.CancellationToken);

        Assert.True(reply.IsFault);
        Assert.Empty(_service.Calls);
        var fault = EoiResponseReader.Read(reply.Envelope, request.Operation).Fault!;
        Assert.Equal("Client", fault.Code);
        Assert.Equal("RemoteControl belongs to /RemoteControlService, not /NetworkAdministrationService", fault.Reason);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Reboot xmlns=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"/></s:Body></s:Envelope>", "RemoteControl has no operation 'Reboot'")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><RemoteControl xmlns=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"><Command>reset</Command><IanaOemNumber>343</IanaOemNumber></RemoteControl></s:Body></s:Envelope>", "RemoteControl: Command 'reset' is not a number from 0 to 255")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><RemoteControl xmlns=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"><Command>16</Command></RemoteControl></s:Body></s:Envelope>", "RemoteControl: IanaOemNumber is missing")]
    [InlineData("not xml", "malformed XML")]
    public async Task Calls_it_cannot_understand_get_a_client_fault_and_act_on_nothing(string body, string reason)
    {
        var reply = await _dispatcher.DispatchAsync(EoiServices.RemoteControl, Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);

        Assert.True(reply.IsFault);
        Assert.Empty(_service.Calls);
        var fault = EoiResponseReader.Read(reply.Envelope, EoiOperations.RemoteControl).Fault!;
        Assert.Equal("Client", fault.Code);
        Assert.Contains(reason, fault.Reason, StringComparison.Ordinal);
    }
}
