using System.Globalization;
using System.Xml.Linq;
using SharpAmt.Transport;

namespace SharpAmt.Eoi.Wire;

/// <summary>
/// Reads replies on the client side, by name: the response element must be the operation's, its status element
/// (<c>Status</c> or <c>StatusCode</c>, whichever the firmware uses) must hold a number, and every other child is an
/// out-parameter in the order it came. Prefixes and whitespace do not matter. A SOAP Fault is returned as such.
/// </summary>
public static class EoiResponseReader
{
    private static readonly string[] StatusNames = ["Status", "StatusCode"];

    public static EoiReply Read(ReadOnlyMemory<byte> body, EoiOperation operation, int maxCharacters = EoiXml.DefaultMaxCharacters)
    {
        var envelope = EoiXml.LoadEnvelope(body, maxCharacters);
        var first = EoiXml.FirstInBody(envelope)
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{operation.Name}: the SOAP Body is empty");
        if (first.Name.LocalName == "Fault" && first.Name.Namespace == envelope.Name.Namespace)
        {
            return new EoiReply(null, ReadFault(first));
        }

        if (first.Name.LocalName != operation.ResponseName)
        {
            throw new AmtProtocolException(ProtocolViolation.UnexpectedXml,
                $"{operation.Name}: expected {operation.ResponseName}, got {EoiText.Shorten(first.Name.LocalName)}");
        }

        var status = first.Elements().FirstOrDefault(element => element.Name.LocalName == operation.Service.StatusElement)
            ?? first.Elements().FirstOrDefault(element => StatusNames.Contains(element.Name.LocalName))
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{operation.ResponseName} without a status");
        if (!uint.TryParse(status.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new AmtProtocolException(ProtocolViolation.UnexpectedXml,
                $"{operation.ResponseName}: status '{EoiText.Shorten(status.Value)}' is not a number");
        }

        var outParameters = first.Elements().Where(element => element != status).Select(EoiTree.ToElement).ToArray();
        return new EoiReply(new EoiResponse(operation, code, outParameters), null);
    }

    private static EoiFault ReadFault(XElement fault)
    {
        // SOAP 1.1 puts faultcode/faultstring unqualified; SOAP 1.2 nests Code/Value and Reason/Text.
        var code = Text(fault, "faultcode") ?? Text(fault.Elements().FirstOrDefault(e => e.Name.LocalName == "Code"), "Value") ?? "";
        var reason = Text(fault, "faultstring") ?? Text(fault.Elements().FirstOrDefault(e => e.Name.LocalName == "Reason"), "Text") ?? "";
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return new EoiFault(colon < 0 ? code : code[(colon + 1)..], EoiText.Shorten(reason, 300));
    }

    private static string? Text(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(element => element.Name.LocalName == localName)?.Value.Trim();
}
