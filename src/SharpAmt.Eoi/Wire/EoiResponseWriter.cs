using System.Globalization;
using System.Text;

namespace SharpAmt.Eoi.Wire;

/// <summary>
/// Writes replies in real AMT's shape (reference section 5.3), which amtc matches as literal strings: one line,
/// prefix <c>b</c> bound to the service namespace on the Envelope, no whitespace between tags, no attribute on
/// the response element, the status first and the out-parameters after it in the order amttool reads them
/// positionally. Empty values are an open/close pair, never <c>&lt;x/&gt;</c>.
/// </summary>
public static class EoiResponseWriter
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private const string EnvelopeOpen = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + EoiNamespaces.SoapEnvelope + "\"";
    private const string Tail = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static byte[] Write(EoiResponse response) => Encoding.UTF8.GetBytes(WriteText(response));

    public static string WriteText(EoiResponse response)
    {
        var operation = response.Operation;
        var text = new StringBuilder(Declaration, 1024)
            .Append(EnvelopeOpen).Append(" xmlns:b=\"").AppendEscaped(operation.Service.Namespace).Append("\"><SOAP-ENV:Body>")
            .Append("<b:").Append(operation.ResponseName).Append('>');
        Append(text, EoiElement.Leaf(operation.Service.StatusElement, response.Status.ToString(CultureInfo.InvariantCulture)));
        foreach (var parameter in response.OutParameters)
        {
            Append(text, parameter);
        }

        return text.Append("</b:").Append(operation.ResponseName).Append('>').Append(Tail).ToString();
    }

    public static byte[] WriteFault(EoiFault fault) => Encoding.UTF8.GetBytes(WriteFaultText(fault));

    /// <summary>A SOAP 1.1 fault; faultcode and faultstring are unqualified, as SOAP 1.1 defines them.</summary>
    public static string WriteFaultText(EoiFault fault) =>
        new StringBuilder(Declaration, 512)
            .Append(EnvelopeOpen).Append("><SOAP-ENV:Body><SOAP-ENV:Fault>")
            .Append("<faultcode>SOAP-ENV:").AppendEscaped(fault.Code).Append("</faultcode>")
            .Append("<faultstring>").AppendEscaped(fault.Reason).Append("</faultstring>")
            .Append("</SOAP-ENV:Fault>").Append(Tail).ToString();

    private static void Append(StringBuilder text, EoiElement element)
    {
        text.Append("<b:").Append(element.Name).Append('>');
        if (element.IsStruct)
        {
            foreach (var child in element.Children)
            {
                Append(text, child);
            }
        }
        else if (element.Text is { } value)
        {
            text.AppendEscaped(value);
        }

        text.Append("</b:").Append(element.Name).Append('>');
    }
}
