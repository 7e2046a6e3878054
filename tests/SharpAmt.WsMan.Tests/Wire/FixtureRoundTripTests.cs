using System.Text;
using System.Xml.Linq;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

/// <summary>
/// Every real-device reply parses, and the model keeps everything its body and header carried: the body is
/// walked here with XDocument, independently of the reader, and compared node by node with the model.
/// </summary>
public sealed class FixtureRoundTripTests
{
    private static readonly XNamespace Soap = WsManNamespaces.Soap;
    private static readonly XNamespace Addressing = WsManNamespaces.Addressing;
    private static readonly XNamespace WsManNs = WsManNamespaces.WsMan;

    /// <summary>An element as plain data: what the XML says, or what the model says it said.</summary>
    private sealed record Node(string Name, string Namespace, string? Text, (string Name, string Namespace, string Value)[] Attributes, Node[] Children);

    public static IEnumerable<TheoryDataRow<string>> FixtureFiles() => Fixtures.Files().Select(file => new TheoryDataRow<string>(file));

    [Fact]
    public void Fixture_folder_holds_every_envelope()
    {
        var files = Fixtures.Files();

        Assert.True(files.Count == Fixtures.ExpectedCount, $"{Fixtures.Directory} holds {files.Count} envelopes, expected {Fixtures.ExpectedCount}");
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Reply_parses_and_the_model_loses_nothing(string file)
    {
        var bytes = Fixtures.Read(file);

        var response = WsManResponseReader.Read(bytes);

        var document = XDocument.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n'), LoadOptions.PreserveWhitespace);
        var envelope = document.Root!;
        var header = envelope.Element(Soap + "Header")!;
        Assert.Equal(header.Element(Addressing + "Action")!.Value, response.Action);
        Assert.Equal(header.Element(Addressing + "RelatesTo")?.Value ?? "", response.RelatesTo);
        Assert.Equal(header.Element(Addressing + "MessageID")!.Value, response.MessageId);
        Assert.Equal(header.Element(WsManNs + "ResourceURI")?.Value, response.ResourceUri);

        var body = envelope.Element(Soap + "Body")!;
        var xmlChildren = body.Elements().Select(FromXml).ToArray();
        AssertNoMixedContent(body, "Body");
        var modelChildren = ModelBody(response.Body);
        Assert.True(xmlChildren.Length == modelChildren.Length, $"Body has {xmlChildren.Length} elements, the model {modelChildren.Length}");
        for (var i = 0; i < xmlChildren.Length; i++)
        {
            AssertSame(xmlChildren[i], modelChildren[i], "Body");
        }
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Reply_kind_matches_the_operation_in_the_file_name(string file)
    {
        var response = WsManResponseReader.Read(Fixtures.Read(file));
        var name = Path.GetFileNameWithoutExtension(file);

        switch (name)
        {
            case "enumerate":
                var enumerate = Assert.IsType<EnumerateResponseBody>(response.Body);
                Assert.False(string.IsNullOrWhiteSpace(enumerate.Context));
                break;
            case "pull":
                var pull = Assert.IsType<PullResponseBody>(response.Body);
                Assert.True(pull.EndOfSequence || pull.Context is not null, "a pull reply neither ends nor continues");
                Assert.All(pull.Items, item => Assert.NotNull(item.Object));
                break;
            case "get":
                Assert.Equal(ResourceUris.ClassName(response.ResourceUri!), Assert.IsType<ObjectResponseBody>(response.Body).Object.Name);
                break;
        }
    }

    /// <summary>The XML side, read without the code under test.</summary>
    private static Node FromXml(XElement element)
    {
        var children = element.Elements().Select(FromXml).ToArray();
        if (children.Length > 0)
        {
            AssertNoMixedContent(element, element.Name.LocalName);
        }

        var attributes = element.Attributes()
            .Where(attribute => !attribute.IsNamespaceDeclaration)
            .Select(attribute => (attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value))
            .ToArray();
        var text = children.Length == 0 ? string.Concat(element.Nodes().OfType<XText>().Select(node => node.Value)) : null;
        return new Node(element.Name.LocalName, element.Name.NamespaceName, text, attributes, children);
    }

    private static void AssertNoMixedContent(XElement element, string where) =>
        Assert.All(element.Nodes().OfType<XText>(), node => Assert.True(string.IsNullOrWhiteSpace(node.Value), $"{where} mixes text and elements"));

    /// <summary>The model side: what the XML must have been for the model to hold what it holds.</summary>
    private static Node[] ModelBody(WsManResponseBody body) => body switch
    {
        EmptyResponseBody => [],
        ObjectResponseBody objectBody => [FromModel(objectBody.Object.ToElement())],
        EnumerateResponseBody enumerate =>
        [
            Structure("EnumerateResponse", WsManNamespaces.Enumeration, Leaf("EnumerationContext", WsManNamespaces.Enumeration, enumerate.Context)),
        ],
        PullResponseBody pull =>
        [
            Structure("PullResponse", WsManNamespaces.Enumeration,
            [
                .. pull.Context is null ? Array.Empty<Node>() : [Leaf("EnumerationContext", WsManNamespaces.Enumeration, pull.Context)],
                Structure("Items", WsManNamespaces.Enumeration, pull.Items.Select(Item).ToArray()),
                .. pull.EndOfSequence ? [Leaf("EndOfSequence", WsManNamespaces.Enumeration, "")] : Array.Empty<Node>(),
            ]),
        ],
        CreatedResponseBody created => [FromModel(created.Reference.ToElement("ResourceCreated", WsManNamespaces.Transfer))],
        ValueResponseBody value => [FromModel(value.Value)],
        _ => throw new InvalidOperationException($"no fixture is a {body.GetType().Name}"),
    };

    private static Node Item(PulledItem item) => (item.Object, item.Reference) switch
    {
        ({ } value, { } reference) => Structure("Item", WsManNamespaces.WsMan, FromModel(value.ToElement()), FromModel(reference.ToEndpointReferenceElement())),
        ({ } value, null) => FromModel(value.ToElement()),
        (null, { } reference) => FromModel(reference.ToEndpointReferenceElement()),
        _ => throw new InvalidOperationException("an item with neither object nor reference"),
    };

    private static Node FromModel(WsManElement element)
    {
        var attributes = element.Attributes.Select(attribute => (attribute.Name, attribute.Namespace, attribute.Value)).ToList();
        if (element.IsNil)
        {
            attributes.Add(("nil", WsManNamespaces.XmlSchemaInstance, "true"));
        }

        return new Node(
            element.Name,
            element.Namespace,
            element.Children.Count == 0 ? element.Text ?? "" : null,
            [.. attributes],
            element.Children.Select(FromModel).ToArray());
    }

    private static Node Leaf(string name, string ns, string text) => new(name, ns, text, [], []);

    /// <summary>An element holding <paramref name="children"/>; without any it is an empty leaf, as XML reads it.</summary>
    private static Node Structure(string name, string ns, params Node[] children) => new(name, ns, children.Length == 0 ? "" : null, [], children);

    private static void AssertSame(Node xml, Node model, string path)
    {
        path = $"{path}/{xml.Name}";
        Assert.True(xml.Name == model.Name, $"{path}: the model has {model.Name}");
        Assert.True(xml.Namespace == model.Namespace, $"{path}: namespace {xml.Namespace}, the model has {model.Namespace}");
        Assert.True(xml.Text == model.Text, $"{path}: text [{xml.Text}], the model has [{model.Text}]");
        var xmlAttributes = xml.Attributes.Order().ToArray();
        var modelAttributes = model.Attributes.Order().ToArray();
        Assert.True(xmlAttributes.SequenceEqual(modelAttributes), $"{path}: attributes [{string.Join(", ", xmlAttributes)}], the model has [{string.Join(", ", modelAttributes)}]");
        Assert.True(xml.Children.Length == model.Children.Length,
            $"{path}: children [{string.Join(", ", xml.Children.Select(child => child.Name))}], the model has [{string.Join(", ", model.Children.Select(child => child.Name))}]");
        for (var i = 0; i < xml.Children.Length; i++)
        {
            AssertSame(xml.Children[i], model.Children[i], path);
        }
    }
}
