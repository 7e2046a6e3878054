namespace SharpAmt.WsMan.Wire;

/// <summary>The namespace URIs of WS-Management as AMT uses them (reference section 3.1).</summary>
public static class WsManNamespaces
{
    public const string Soap = "http://www.w3.org/2003/05/soap-envelope";
    public const string Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public const string Eventing = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public const string Trust = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    public const string SecExt = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string CimBinding = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    public const string Common = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";

    public const string AmtSchema = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    public const string CimSchema = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string IpsSchema = "http://intel.com/wbem/wscim/1/ips-schema/1/";
}
