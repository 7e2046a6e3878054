using FsCheck;
using FsCheck.Fluent;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Tests.Support;

/// <summary>
/// FsCheck generators for the WS-Man model: instances with repeated properties, values holding XML special
/// characters, nil values, Datetimes in the CIM common namespace and endpoint references that nest.
/// </summary>
public static class WsManGenerators
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly string[] ClassUris =
    [
        "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings",
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService",
        "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_OptInService",
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService",
    ];

    /// <summary>Characters values are made of: plain text, XML's special characters, spaces, non-ASCII.</summary>
    private static readonly char[] ValueCharacters = (Letters + "0123456789 .:-_/&<>\"'=;#%é中€\t\n").ToCharArray();

    public static Gen<string> Name { get; } =
        from first in Gen.Elements(Letters.ToCharArray())
        from length in Gen.Choose(0, 14)
        from rest in Gen.ArrayOf(Gen.Elements((Letters + "0123456789_").ToCharArray()), length)
        select first + new string(rest);

    public static Gen<string> Value { get; } =
        Gen.Choose(0, 24).SelectMany(length => Gen.ArrayOf(Gen.Elements(ValueCharacters), length)).Select(chars => new string(chars));

    /// <summary>Values with at least one visible character (what a WS-Man property holds).</summary>
    public static Gen<string> VisibleValue { get; } = Value.Where(value => value.Length == 0 || !string.IsNullOrWhiteSpace(value));

    public static Gen<string> ClassUri { get; } = Gen.Elements(ClassUris);

    private static Gen<WsManAttribute> Attribute { get; } = Gen.OneOf(
        from name in Name
        from ns in Gen.Elements("", "http://example.invalid/attributes", WsManNamespaces.XmlSchemaInstance)
        from value in Gen.ArrayOf(Gen.Elements((Letters + "0123456789&<>\"'").ToCharArray()), 6).Select(chars => new string(chars))
        select new WsManAttribute(name == "nil" ? "type" : name, ns, value),
        Gen.Elements("en-US", "de").Select(language => new WsManAttribute("lang", XmlWireWriter.XmlNamespace, language)));

    public static Gen<Selector> Selector(int depth) =>
        depth <= 0
            ? from name in Name from value in VisibleValue select new Selector(name, value)
            : Gen.Frequency(
                (4, from name in Name from value in VisibleValue select new Selector(name, value)),
                (1, from name in Name from reference in Reference(depth - 1) select new Selector(name, null, reference)));

    public static Gen<EndpointReference> Reference(int depth) =>
        from uri in ClassUri
        from count in Gen.Choose(0, 3)
        from selectors in Gen.ArrayOf(Selector(depth), count)
        select new EndpointReference(WsManNamespaces.Anonymous, uri, new SelectorSet(selectors));

    /// <summary>One property, or a run of the same property (a CIM array), in namespace <paramref name="ns"/>.</summary>
    public static Gen<WsManElement[]> Property(string ns) =>
        from name in Name
        from kind in Gen.Choose(0, 9)
        from repeat in Gen.Frequency((5, Gen.Constant(1)), (1, Gen.Choose(2, 4)))
        from values in Gen.ArrayOf(Single(name, ns, kind), repeat)
        select values;

    private static Gen<WsManElement> Single(string name, string ns, int kind) => kind switch
    {
        0 => Gen.Constant(new WsManElement(name, ns, null, isNil: true)),
        1 => from value in VisibleValue select new WsManElement(name, ns, null, [WsManElement.Leaf("Datetime", WsManNamespaces.Common, value)]),
        2 => from reference in Reference(1) select reference.ToElement(name, ns),
        3 => from value in VisibleValue from attribute in Attribute select new WsManElement(name, ns, value, attributes: [attribute]),
        _ => from value in VisibleValue select WsManElement.Leaf(name, ns, value),
    };

    public static Gen<WsManObject> Object { get; } =
        from uri in ClassUri
        from count in Gen.Choose(0, 8)
        from properties in Gen.ArrayOf(Property(uri), count)
        select new WsManObject(ResourceUris.ClassName(uri), uri, properties.SelectMany(run => run).ToArray());

    public static Gen<WsManObject> MethodObject(string suffix) =>
        from value in Object
        from method in Name
        select new WsManObject(method + suffix, value.Namespace, value.Properties);

    public static Gen<PulledItem> Item { get; } = Gen.OneOf(
        Object.Select(value => new PulledItem(value, null)),
        Reference(1).Select(reference => new PulledItem(null, reference)),
        from value in Object from reference in Reference(1) select new PulledItem(value, reference));

    public static Gen<string> Context { get; } =
        Gen.Choose(0, int.MaxValue).Select(value => value.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + "-0000-0000-0000-000000000000");

    public static Gen<WsManFault> Fault { get; } =
        from code in Gen.Elements(WsManFaults.Sender, WsManFaults.Receiver)
        from subcodeNamespace in Gen.Elements(WsManNamespaces.WsMan, WsManNamespaces.Addressing, WsManNamespaces.Enumeration, WsManNamespaces.Transfer, WsManNamespaces.Eventing)
        from subcode in Name
        from reason in VisibleValue.Select(value => value.Trim()).Where(value => value.Length > 0)
        from detail in Gen.Elements<string?>(null, WsManFaults.FaultDetailBase + "InvalidValue", WsManFaults.FaultDetailBase + "MaxEnvelopeSize")
        select new WsManFault(code, subcodeNamespace, subcode, reason, detail);

    public static Gen<WsManResponseBody> ResponseBody { get; } = Gen.OneOf(
        Object.Select(value => (WsManResponseBody)new ObjectResponseBody(value)),
        MethodObject("_OUTPUT").Select(value => (WsManResponseBody)new ObjectResponseBody(value)),
        Context.Select(context => (WsManResponseBody)new EnumerateResponseBody(context)),
        from count in Gen.Choose(0, 4)
        from items in Gen.ArrayOf(Item, count)
        from more in Gen.Elements(true, false)
        from context in Context
        select (WsManResponseBody)new PullResponseBody(items, more ? context : null, !more),
        Reference(2).Select(reference => (WsManResponseBody)new CreatedResponseBody(reference)),
        from name in Name
        from uri in ClassUri
        from value in VisibleValue.Where(value => value.Length > 0)
        select (WsManResponseBody)new ValueResponseBody(WsManElement.Leaf(name, uri, value)),
        Gen.Constant((WsManResponseBody)EmptyResponseBody.Instance),
        Fault.Select(fault => (WsManResponseBody)new FaultResponseBody(fault)));

    public static Gen<WsManRequestBody?> RequestBody(string action) => action switch
    {
        WsManActions.Get or WsManActions.Delete => Gen.Constant<WsManRequestBody?>(null),
        WsManActions.Enumerate =>
            from mode in Gen.Elements(EnumerationMode.Objects, EnumerationMode.ObjectsAndReferences, EnumerationMode.References)
            from optimize in Gen.Elements(true, false)
            from max in Gen.Elements<int?>(null, 1, 250)
            select (WsManRequestBody?)new EnumerateRequestBody(mode, optimize, max),
        WsManActions.Pull =>
            from context in Context
            from max in Gen.Elements<int?>(null, 1, 20)
            select (WsManRequestBody?)new PullRequestBody(context, max),
        WsManActions.Release => Context.Select(context => (WsManRequestBody?)new ReleaseRequestBody(context)),
        WsManActions.Put or WsManActions.Create => Object.Select(value => (WsManRequestBody?)new ObjectRequestBody(value)),
        _ => MethodObject("_INPUT").Select(value => (WsManRequestBody?)new ObjectRequestBody(value)),
    };

    public static Gen<WsManRequest> Request { get; } =
        from uri in ClassUri
        from action in Gen.Elements(WsManActions.Get, WsManActions.Put, WsManActions.Create, WsManActions.Delete, WsManActions.Enumerate, WsManActions.Pull, WsManActions.Release, uri + "/RequestStateChange")
        from body in RequestBody(action)
        from messageId in Gen.OneOf(VisibleValue.Where(value => value.Length > 0), Gen.Constant("uuid:0E1F2A3B-0000-4000-8000-000000000001"))
        from selectorCount in Gen.Choose(0, 3)
        from selectors in Gen.ArrayOf(Selector(1), selectorCount)
        from timeout in Gen.Elements<string?>("PT60S", "PT60.000S", null)
        from envelope in Gen.Elements<int?>(null, 51200, 153600)
        select new WsManRequest(action, uri)
        {
            MessageId = messageId,
            Selectors = new SelectorSet(selectors),
            OperationTimeout = timeout,
            MaxEnvelopeSize = envelope,
            Body = body,
        };

    public static Gen<WsManResponse> Response { get; } =
        from body in ResponseBody
        from uri in ClassUri
        from relatesTo in Gen.OneOf(VisibleValue.Where(value => value.Trim().Length > 0 && value == value.Trim()), Gen.Constant("uuid:00000000-8086-8086-8086-000000000001"))
        from number in Gen.Choose(0, int.MaxValue)
        from declaresCommon in Gen.Elements(true, false)
        select new WsManResponse(body is FaultResponseBody ? WsManActions.Fault : uri + "/AnyResponse", relatesTo, body)
        {
            MessageId = "uuid:00000000-8086-8086-8086-" + number.ToString("X12", System.Globalization.CultureInfo.InvariantCulture),
            ResourceUri = body is FaultResponseBody ? null : uri,
            DeclaresCommonNamespace = declaresCommon && body is ObjectResponseBody or PullResponseBody,
        };
}
