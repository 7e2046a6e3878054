using SharpAmt.Transport;

namespace SharpAmt.Eoi.Wire;

/// <summary>
/// Reads calls on the device side, tolerating every client's habits: any prefixes, whitespace and indentation
/// (amtc sends its bodies pretty-printed), extra attributes (xsi:type from SOAP::Lite with autotype on, SOAP 1.1
/// encodingStyle), qualified or unqualified arguments. The operation is the Body's first element, found by its
/// local name and namespace; the SOAPAction header is not needed.
/// </summary>
public static class EoiRequestReader
{
    public static EoiRequest Read(ReadOnlyMemory<byte> body, int maxCharacters = EoiXml.DefaultMaxCharacters)
    {
        var envelope = EoiXml.LoadEnvelope(body, maxCharacters);
        var call = EoiXml.FirstInBody(envelope)
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "the SOAP Body holds no call");
        var ns = call.Name.NamespaceName;
        var service = EoiServices.FindByNamespace(ns)
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"no EOI service has the namespace '{EoiText.Shorten(ns)}'");
        var operation = EoiOperations.Find(service, call.Name.LocalName)
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{service.Name} has no operation '{EoiText.Shorten(call.Name.LocalName)}'");
        return new EoiRequest(operation, call.Elements().Select(EoiTree.ToElement).ToArray());
    }
}
