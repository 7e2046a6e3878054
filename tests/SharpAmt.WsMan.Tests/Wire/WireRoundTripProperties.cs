using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

/// <summary>Writer then reader gives back the same model, for generated replies and requests of every kind.</summary>
public sealed class WireRoundTripProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    private static bool UsesCommon(WsManElement element) =>
        element.Namespace == WsManNamespaces.Common || element.Children.Any(UsesCommon);

    private static bool UsesCommon(WsManResponseBody body) => body switch
    {
        ObjectResponseBody objectBody => UsesCommon(objectBody.Object.ToElement()),
        PullResponseBody pull => pull.Items.Any(item => item.Object is not null && UsesCommon(item.Object.ToElement())),
        ValueResponseBody value => UsesCommon(value.Value),
        _ => false,
    };

    [Fact]
    public void Every_reply_kind_reads_back_as_written()
    {
        Check.One(Runs, Prop.ForAll(WsManGenerators.Response.ToArbitrary(), response =>
        {
            var bytes = WsManResponseWriter.Write(response);

            var read = WsManResponseReader.Read(bytes);

            Assert.Equal(response.Action, read.Action);
            Assert.Equal(response.RelatesTo, read.RelatesTo);
            Assert.Equal(response.MessageId, read.MessageId);
            Assert.Equal(response.ResourceUri, read.ResourceUri);
            Assert.Equal(response.DeclaresCommonNamespace || UsesCommon(response.Body), read.DeclaresCommonNamespace);
            ElementAssert.Equal(response.Body, read.Body);
        }));
    }

    [Fact]
    public void Every_reply_keeps_amt_formatting()
    {
        Check.One(Runs, Prop.ForAll(WsManGenerators.Response.ToArbitrary(), response =>
        {
            var text = Encoding.UTF8.GetString(WsManResponseWriter.Write(response));

            Assert.DoesNotContain("/>", text, StringComparison.Ordinal);
            var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
            var root = document.Root!;
            Assert.All(root.Descendants(), element => Assert.DoesNotContain(element.Attributes(), attribute => attribute.IsNamespaceDeclaration));
            Assert.All(root.DescendantNodes().OfType<XText>(), node => Assert.True(node.Parent!.Elements().Any() is false, $"text between elements: [{node.Value}]"));
            Assert.Equal(
                ["To", "RelatesTo", "Action", "MessageID", .. response.ResourceUri is null ? Array.Empty<string>() : ["ResourceURI"]],
                root.Elements().First().Elements().Select(element => element.Name.LocalName));
        }));
    }

    [Fact]
    public void Every_request_kind_reads_back_as_written()
    {
        Check.One(Runs, Prop.ForAll(WsManGenerators.Request.ToArbitrary(), request =>
        {
            var bytes = WsManRequestWriter.Write(request);

            var read = WsManRequestReader.Read(bytes);

            Assert.Equal(request.Action, read.Action);
            Assert.Equal(request.ResourceUri, read.ResourceUri);
            Assert.Equal(request.MessageId, read.MessageId);
            Assert.Equal("/wsman", read.To);
            Assert.Equal(request.OperationTimeout, read.OperationTimeout);
            Assert.Equal(request.MaxEnvelopeSize, read.MaxEnvelopeSize);
            ElementAssert.Equal(EndpointReference.SelectorSetElement(request.Selectors), EndpointReference.SelectorSetElement(read.Selectors));
            switch (request.Body)
            {
                case null:
                    Assert.Null(read.Body);
                    break;
                case ObjectRequestBody objectBody:
                    ElementAssert.Equal(objectBody.Object, Assert.IsType<ObjectRequestBody>(read.Body).Object);
                    break;
                default:
                    Assert.Equal(request.Body, read.Body);
                    break;
            }
        }));
    }
}
