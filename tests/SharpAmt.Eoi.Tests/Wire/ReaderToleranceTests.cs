using System.Text;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Eoi.Tests.Wire;

/// <summary>Both readers take what real peers send, whatever the prefixes, whitespace and extra attributes.</summary>
public sealed class ReaderToleranceTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_pretty_printed_call_with_other_prefixes_is_read_as_amtc_sends_it()
    {
        // amtc's bodies: indented, the xsi declaration first, the encodingStyle after the namespaces.
        const string body = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" soap:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
            <soap:Body>
              <GetSystemPowerState xmlns="http://schemas.intel.com/platform/client/RemoteControl/2004/01" xsi:nil="true"/>
            </soap:Body>
            </soap:Envelope>
            """;

        Assert.Equal(RemoteControlMessages.GetSystemPowerState(), EoiRequestReader.Read(Bytes(body)));
    }

    [Fact]
    public void Typed_qualified_arguments_under_a_prefixed_operation_are_read_by_local_name()
    {
        const string body =
            "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:x=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:d=\"http://www.w3.org/2001/XMLSchema\">" +
            "<e:Header/><e:Body>\n  <r:RemoteControl xmlns:r=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\" e:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">" +
            "<r:Command x:type=\"d:unsignedByte\"> 17 </r:Command><IanaOemNumber x:type=\"d:unsignedInt\">343</IanaOemNumber>" +
            "<r:SpecialCommand>193</r:SpecialCommand><OEMparameters>1</OEMparameters><BootOptions x:nil=\"true\"/></r:RemoteControl></e:Body></e:Envelope>";

        var request = RemoteControlMessages.ReadRemoteControl(EoiRequestReader.Read(Bytes(body)));

        Assert.Equal(new EoiRemoteControlRequest(EoiRemoteControlCommand.PowerUp, EoiSpecialCommand.IntelOem, EoiOemParameters.UseSol), request);
    }

    [Fact]
    public void A_soap_1_2_envelope_is_understood()
    {
        const string body =
            "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body><GetCoreVersion xmlns=\"http://schemas.intel.com/platform/client/SecurityAdministration/2004/01\"/></Body></Envelope>";

        Assert.Equal(SecurityAdministrationMessages.GetCoreVersion(), EoiRequestReader.Read(Bytes(body)));
    }

    [Theory]
    [InlineData("<x/>", "not a SOAP envelope")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>", "holds no call")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetCoreVersion xmlns=\"urn:other\"/></s:Body></s:Envelope>", "no EOI service has the namespace 'urn:other'")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Format xmlns=\"http://schemas.intel.com/platform/client/RemoteControl/2004/01\"/></s:Body></s:Envelope>", "RemoteControl has no operation 'Format'")]
    public void A_call_that_is_not_one_is_a_protocol_error(string body, string detail)
    {
        var exception = Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(Bytes(body)));

        Assert.Equal(ProtocolViolation.UnexpectedXml, exception.Violation);
        Assert.Contains(detail, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unprefixed_reply_with_whitespace_and_either_status_name_is_read()
    {
        const string body = """
            <?xml version="1.0"?>
            <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/">
              <Body>
                <GetHostNameResponse xmlns="http://schemas.intel.com/platform/client/NetworkAdministration/2004/01">
                  <Status>0</Status>
                  <HostName>pc42</HostName>
                </GetHostNameResponse>
              </Body>
            </Envelope>
            """;

        var reply = EoiResponseReader.Read(Bytes(body), EoiOperations.GetHostName);

        Assert.Equal("pc42", NetworkAdministrationMessages.ReadHostName(reply.Response!));
        Assert.Equal(0u, reply.Response!.Status);
    }

    [Fact]
    public void A_reply_to_another_operation_or_without_a_number_for_status_is_a_protocol_error()
    {
        var other = EoiResponseWriter.Write(NetworkAdministrationMessages.DomainNameReply("x"));
        Assert.Contains("expected GetHostNameResponse, got GetDomainNameResponse",
            Assert.Throws<AmtProtocolException>(() => EoiResponseReader.Read(other, EoiOperations.GetHostName)).Message, StringComparison.Ordinal);

        var text = EoiResponseWriter.WriteText(NetworkAdministrationMessages.HostNameReply("x")).Replace("<b:StatusCode>0<", "<b:StatusCode>ok<", StringComparison.Ordinal);
        Assert.Contains("status 'ok' is not a number",
            Assert.Throws<AmtProtocolException>(() => EoiResponseReader.Read(Bytes(text), EoiOperations.GetHostName)).Message, StringComparison.Ordinal);

        var missing = EoiResponseWriter.WriteText(NetworkAdministrationMessages.HostNameReply("x")).Replace("<b:StatusCode>0</b:StatusCode>", "", StringComparison.Ordinal);
        Assert.Contains("without a status",
            Assert.Throws<AmtProtocolException>(() => EoiResponseReader.Read(Bytes(missing), EoiOperations.GetHostName)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faults_of_soap_1_1_and_1_2_are_read()
    {
        var soap11 = EoiResponseReader.Read(EoiResponseWriter.WriteFault(new EoiFault(EoiFault.Server, "busy")), EoiOperations.RemoteControl);
        Assert.Equal(new EoiFault("Server", "busy"), soap11.Fault);
        Assert.Null(soap11.Response);

        const string soap12 =
            "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code>" +
            "<env:Reason><env:Text xml:lang=\"en\">bad</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>";
        Assert.Equal(new EoiFault("Sender", "bad"), EoiResponseReader.Read(Bytes(soap12), EoiOperations.RemoteControl).Fault);
    }

    [Theory]
    [InlineData("Command", "x", "Command 'x' is not a number from 0 to 255")]
    [InlineData("Command", "256", "Command '256' is not a number from 0 to 255")]
    [InlineData("IanaOemNumber", "-1", "IanaOemNumber '-1' is not an unsigned 32-bit number")]
    public void Values_of_the_wrong_type_are_protocol_errors(string field, string value, string detail)
    {
        var body = EoiRequestWriter.WriteText(RemoteControlMessages.RemoteControl(new EoiRemoteControlRequest(EoiRemoteControlCommand.Reset)))
            .Replace(field == "Command" ? "<Command>16<" : "<IanaOemNumber>343<", $"<{field}>{value}<", StringComparison.Ordinal);
        var request = EoiRequestReader.Read(Bytes(body));

        var exception = Assert.Throws<AmtProtocolException>(() => RemoteControlMessages.ReadRemoteControl(request));

        Assert.Contains(detail, exception.Message, StringComparison.Ordinal);
    }
}
