namespace SharpAmt.WsMan.Wire;

/// <summary>Maps AMT class names to resource URIs and back.</summary>
public static class ResourceUris
{
    /// <summary>
    /// The resource URI of a class: <c>AMT_*</c>, <c>CIM_*</c> and <c>IPS_*</c> names get their schema
    /// prefix; a value that already is a URI is returned unchanged.
    /// </summary>
    public static string For(string classNameOrUri)
    {
        if (classNameOrUri.Contains("://", StringComparison.Ordinal))
        {
            return classNameOrUri;
        }

        if (classNameOrUri.StartsWith("AMT_", StringComparison.OrdinalIgnoreCase))
        {
            return WsManNamespaces.AmtSchema + classNameOrUri;
        }

        if (classNameOrUri.StartsWith("CIM_", StringComparison.OrdinalIgnoreCase))
        {
            return WsManNamespaces.CimSchema + classNameOrUri;
        }

        if (classNameOrUri.StartsWith("IPS_", StringComparison.OrdinalIgnoreCase))
        {
            return WsManNamespaces.IpsSchema + classNameOrUri;
        }

        throw new ArgumentException($"'{classNameOrUri}' is neither a resource URI nor an AMT_, CIM_ or IPS_ class name", nameof(classNameOrUri));
    }

    /// <summary>The class name at the end of a resource URI.</summary>
    public static string ClassName(string resourceUri)
    {
        var slash = resourceUri.LastIndexOf('/');
        return slash < 0 ? resourceUri : resourceUri[(slash + 1)..];
    }
}
