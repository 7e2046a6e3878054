using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Support;

/// <summary>Structural equality of the WS-Man model, with the path of the first difference in the message.</summary>
public static class ElementAssert
{
    public static void Equal(WsManElement expected, WsManElement actual, string path = "")
    {
        path = $"{path}/{{{expected.Namespace}}}{expected.Name}";
        Assert.True(expected.Name == actual.Name, $"{path}: name {actual.Name}");
        Assert.True(expected.Namespace == actual.Namespace, $"{path}: namespace {actual.Namespace}");
        Assert.True(expected.IsNil == actual.IsNil, $"{path}: nil {actual.IsNil}");
        Assert.True(expected.Text == actual.Text, $"{path}: text [{actual.Text}] instead of [{expected.Text}]");
        Assert.True(
            expected.Attributes.Select(attribute => (attribute.Name, attribute.Namespace, attribute.Value)).SequenceEqual(actual.Attributes.Select(attribute => (attribute.Name, attribute.Namespace, attribute.Value))),
            $"{path}: attributes [{string.Join(", ", actual.Attributes)}] instead of [{string.Join(", ", expected.Attributes)}]");
        Assert.True(expected.Children.Count == actual.Children.Count, $"{path}: {actual.Children.Count} children instead of {expected.Children.Count}");
        for (var i = 0; i < expected.Children.Count; i++)
        {
            Equal(expected.Children[i], actual.Children[i], path);
        }
    }

    public static void Equal(WsManObject expected, WsManObject actual) => Equal(expected.ToElement(), actual.ToElement());

    public static void Equal(EndpointReference expected, EndpointReference actual) =>
        Equal(expected.ToEndpointReferenceElement(), actual.ToEndpointReferenceElement());

    public static void Equal(PulledItem expected, PulledItem actual)
    {
        Assert.Equal(expected.Object is null, actual.Object is null);
        Assert.Equal(expected.Reference is null, actual.Reference is null);
        if (expected.Object is not null)
        {
            Equal(expected.Object, actual.Object!);
        }

        if (expected.Reference is not null)
        {
            Equal(expected.Reference, actual.Reference!);
        }
    }

    /// <summary>Compares two response bodies of the same kind, field by field.</summary>
    public static void Equal(WsManResponseBody expected, WsManResponseBody actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case ObjectResponseBody objectBody:
                Equal(objectBody.Object, ((ObjectResponseBody)actual).Object);
                break;
            case EnumerateResponseBody enumerate:
                Assert.Equal(enumerate.Context, ((EnumerateResponseBody)actual).Context);
                break;
            case PullResponseBody pull:
                var actualPull = (PullResponseBody)actual;
                Assert.Equal(pull.Context, actualPull.Context);
                Assert.Equal(pull.EndOfSequence, actualPull.EndOfSequence);
                Assert.Equal(pull.Items.Count, actualPull.Items.Count);
                for (var i = 0; i < pull.Items.Count; i++)
                {
                    Equal(pull.Items[i], actualPull.Items[i]);
                }

                break;
            case CreatedResponseBody created:
                Equal(created.Reference, ((CreatedResponseBody)actual).Reference);
                break;
            case ValueResponseBody value:
                Equal(value.Value, ((ValueResponseBody)actual).Value);
                break;
            case FaultResponseBody fault:
                Assert.Equal(fault.Fault, ((FaultResponseBody)actual).Fault);
                break;
        }
    }
}
