namespace SharpAmt.Eoi.Wire;

/// <summary>The SOAP 1.1 namespaces EOI envelopes use.</summary>
public static class EoiNamespaces
{
    public const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string SoapEncoding = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Accepted on requests too: a client that speaks SOAP 1.2 is understood rather than refused.</summary>
    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";
}
