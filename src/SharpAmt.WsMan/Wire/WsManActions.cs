namespace SharpAmt.WsMan.Wire;

/// <summary>Action URIs (reference section 3.2).</summary>
public static class WsManActions
{
    public const string Get = WsManNamespaces.Transfer + "/Get";
    public const string Put = WsManNamespaces.Transfer + "/Put";
    public const string Create = WsManNamespaces.Transfer + "/Create";
    public const string Delete = WsManNamespaces.Transfer + "/Delete";
    public const string Enumerate = WsManNamespaces.Enumeration + "/Enumerate";
    public const string Pull = WsManNamespaces.Enumeration + "/Pull";
    public const string Release = WsManNamespaces.Enumeration + "/Release";
    public const string Fault = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public const string AddressingFault = WsManNamespaces.Addressing + "/fault";

    /// <summary>The response action: the request action with "Response" appended (DSP0226 convention).</summary>
    public static string ResponseTo(string action) => action + "Response";

    public static string Method(string resourceUri, string method) => resourceUri + "/" + method;
}
