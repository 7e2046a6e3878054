using System.Text;

namespace SharpAmt.Eoi.Wire;

/// <summary>
/// Writes a call exactly as SOAP::Lite 1.27 does for amttool (autotype off; reference section 5.2): the XML
/// declaration, a <c>soap:Envelope</c> carrying encodingStyle and its five namespace declarations in that order,
/// the operation element with a default namespace, unqualified untyped arguments, structs nested, an
/// argument-less call as <c>xsi:nil="true"</c> and empty values as <c>&lt;Name /&gt;</c>, all on one line.
/// Unlike SOAP::Lite, text is escaped: SOAP::Lite without types sends <c>&amp;</c> and <c>&lt;</c> raw.
/// </summary>
public static class EoiRequestWriter
{
    private const string Head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        "<soap:Envelope soap:encodingStyle=\"" + EoiNamespaces.SoapEncoding + "\"" +
        " xmlns:soap=\"" + EoiNamespaces.SoapEnvelope + "\"" +
        " xmlns:soapenc=\"" + EoiNamespaces.SoapEncoding + "\"" +
        " xmlns:xsd=\"" + EoiNamespaces.XmlSchema + "\"" +
        " xmlns:xsi=\"" + EoiNamespaces.XmlSchemaInstance + "\"" +
        "><soap:Body>";

    private const string Tail = "</soap:Body></soap:Envelope>";

    public static byte[] Write(EoiRequest request) => Encoding.UTF8.GetBytes(WriteText(request));

    public static string WriteText(EoiRequest request)
    {
        var operation = request.Operation;
        var text = new StringBuilder(Head, 1024);
        text.Append('<').Append(operation.Name).Append(" xmlns=\"").AppendEscaped(operation.Service.Namespace).Append('"');
        if (request.Arguments.Count == 0)
        {
            text.Append(" xsi:nil=\"true\" />");
        }
        else
        {
            text.Append('>');
            foreach (var argument in request.Arguments)
            {
                Append(text, argument);
            }

            text.Append("</").Append(operation.Name).Append('>');
        }

        return text.Append(Tail).ToString();
    }

    private static void Append(StringBuilder text, EoiElement element)
    {
        text.Append('<').Append(element.Name);
        if (element.IsNil)
        {
            text.Append(" xsi:nil=\"true\" />");
            return;
        }

        if (!element.IsStruct && string.IsNullOrEmpty(element.Text))
        {
            text.Append(" />");
            return;
        }

        text.Append('>');
        if (element.IsStruct)
        {
            foreach (var child in element.Children)
            {
                Append(text, child);
            }
        }
        else
        {
            text.AppendEscaped(element.Text!);
        }

        text.Append("</").Append(element.Name).Append('>');
    }
}
