using System.Text;
using SharpAmt.Simulator.Catalogue;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport.Http.Client;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>
/// For every class the simulator serves that real devices were recorded answering, the simulator's reply must
/// carry the same envelope declarations, item classes, property names, order, namespaces and value formats.
/// Any drift from real firmware fails here.
/// </summary>
public sealed class ConformanceTests(SimulatedDeviceFixture fixture) : IClassFixture<SimulatedDeviceFixture>
{
    private static readonly KeyValuePair<string, string>[] SoapContentType = [new("Content-Type", "application/soap+xml;charset=UTF-8")];

    /// <summary>Recordings edited by hand in a way no firmware writes; they cannot speak for real devices.</summary>
    private static readonly Dictionary<string, string> HandEdited = new(StringComparer.Ordinal)
    {
        ["ips/alarmclock/pull.xml"] = "its properties are in the enumeration namespace and StartTime is plain text",
    };

    public static TheoryData<string> RecordedGets => Recorded("get");

    public static TheoryData<string> RecordedPulls => Recorded("pull");

    [Fact]
    public void All_recorded_replies_are_present()
    {
        Assert.Equal(RecordedReplies.ExpectedFileCount, RecordedReplies.All.Count);
    }

    [Theory]
    [MemberData(nameof(RecordedGets))]
    public async Task Get_reply_matches_real_firmware(string path)
    {
        var recorded = RecordedReplies.All.Single(reply => reply.Path == path);
        var uri = recorded.Response.ResourceUri!;

        var (status, text, response) = await SendAsync(new WsManRequest(WsManActions.Get, uri));

        Assert.Equal(200, status);
        AssertSameDeclarations(recorded, text);
        var expected = Assert.IsType<ObjectResponseBody>(recorded.Response.Body).Object;
        var actual = Assert.IsType<ObjectResponseBody>(response.Body).Object;
        AssertSameShape(expected, actual, recorded);
    }

    [Theory]
    [MemberData(nameof(RecordedPulls))]
    public async Task Pull_reply_matches_real_firmware(string path)
    {
        var recorded = RecordedReplies.All.Single(reply => reply.Path == path);
        var uri = recorded.Response.ResourceUri!;
        var (_, _, enumerated) = await SendAsync(new WsManRequest(WsManActions.Enumerate, uri) { Body = new EnumerateRequestBody() });
        var context = Assert.IsType<EnumerateResponseBody>(enumerated.Body).Context;
        Assert.Equal(36, context.Length);

        var (status, text, response) = await SendAsync(new WsManRequest(WsManActions.Pull, uri) { Body = new PullRequestBody(context) });

        Assert.Equal(200, status);
        AssertSameDeclarations(recorded, text);
        var expectedItems = Assert.IsType<PullResponseBody>(recorded.Response.Body).Items.Select(item => item.Object!).ToArray();
        var actualItems = Assert.IsType<PullResponseBody>(response.Body).Items.Select(item => item.Object!).ToArray();
        Assert.True(Assert.IsType<PullResponseBody>(response.Body).EndOfSequence);
        if (expectedItems.Length == 0)
        {
            return;
        }

        Assert.NotEmpty(actualItems);
        foreach (var actual in actualItems)
        {
            AssertSameShape(Counterpart(expectedItems, actual, actualItems), actual, recorded);
        }
    }

    private static void AssertSameDeclarations(RecordedReply recorded, string actualText)
    {
        var expected = ReplyShape.EnvelopeDeclarations(recorded.Text);
        // A few recordings were trimmed by hand (no trust, secext and cimbinding declarations); they say nothing about the envelope.
        if (expected.Any(declaration => declaration.StartsWith("d=", StringComparison.Ordinal)))
        {
            Assert.Equal(expected, ReplyShape.EnvelopeDeclarations(actualText));
        }
    }

    /// <summary>
    /// Compares name, namespace, order and value format of every property. Where recordings of the same class
    /// (taken from different devices) disagree on whether a property exists, that property is only required to
    /// match some recording; repeated values are compared once, since their count is data, not shape.
    /// </summary>
    private static void AssertSameShape(WsManObject expected, WsManObject actual, RecordedReply recorded)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Namespace, actual.Namespace);
        var disputed = Disputed(recorded.ClassName!, actual.Name);
        var expectedLines = Collapse(ReplyShape.Describe(expected.Without([.. Gated(actual.Name), .. disputed])));
        var actualLines = Collapse(ReplyShape.Describe(actual.Without(disputed)));
        Assert.Equal(string.Join('\n', expectedLines), string.Join('\n', actualLines));

        var everyRecordedLine = RecordingsOf(recorded.ClassName!).SelectMany(ReplyShape.Describe).ToHashSet(StringComparer.Ordinal);
        foreach (var line in ReplyShape.Describe(actual).Where(line => disputed.Any(name => line.StartsWith(name + " ", StringComparison.Ordinal))))
        {
            Assert.Contains(line, everyRecordedLine);
        }
    }

    /// <summary>Properties present in some recordings of the class and absent from others.</summary>
    private static string[] Disputed(string className, string itemName)
    {
        var instances = RecordingsOf(className).Where(instance => instance.Name == itemName).ToArray();
        var names = instances.Select(instance => instance.Properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal)).ToArray();
        return names.SelectMany(set => set).Distinct().Where(name => names.Any(set => !set.Contains(name))).ToArray();
    }

    private static IEnumerable<WsManObject> RecordingsOf(string className) => RecordedReplies.All
        .Where(reply => reply.ClassName == className && reply.IsDeviceReply && !HandEdited.ContainsKey(reply.Path))
        .SelectMany(reply => reply.Response.Body switch
        {
            ObjectResponseBody single when reply.Operation == "get" => [single.Object],
            PullResponseBody pull => pull.Items.Where(item => item.Object is not null).Select(item => item.Object!),
            _ => [],
        });

    private static List<string> Collapse(IEnumerable<string> lines)
    {
        var collapsed = new List<string>();
        foreach (var line in lines)
        {
            if (collapsed.Count == 0 || collapsed[^1] != line)
            {
                collapsed.Add(line);
            }
        }

        return collapsed;
    }

    /// <summary>Properties the recording has but AMT 12 does not (they arrived later).</summary>
    private static string[] Gated(string className) =>
        ClassCatalogue.Default.All.FirstOrDefault(definition => (definition.ItemClass ?? definition.ClassName) == className) is { } definition
            ? definition.PropertySince.Where(gate => !FirmwareProfiles.Amt12.Has(gate.Value)).Select(gate => gate.Key).ToArray()
            : [];

    /// <summary>The recorded instance to compare with: the one at the same position when the counts agree, else the one with the same keys.</summary>
    private static WsManObject Counterpart(WsManObject[] expected, WsManObject actual, WsManObject[] actualItems)
    {
        if (expected.Length == actualItems.Length)
        {
            return expected[Array.IndexOf(actualItems, actual)];
        }

        var id = actual.GetString("InstanceID") ?? actual.GetString("DeviceID") ?? actual.GetString("Tag");
        return expected.FirstOrDefault(candidate => id is not null && (candidate.GetString("InstanceID") ?? candidate.GetString("DeviceID") ?? candidate.GetString("Tag")) == id)
            ?? expected[0];
    }

    private async Task<(int Status, string Text, WsManResponse Response)> SendAsync(WsManRequest request)
    {
        var http = fixture.Client.Http;
        var body = WsManRequestWriter.Write(request with { MessageId = "1" });
        var reply = await http.SendAsync("POST", "/wsman", SoapContentType, body, RequestSafety.Idempotent, TestContext.Current.CancellationToken);
        return (reply.StatusCode, Encoding.UTF8.GetString(reply.Body.Span), WsManResponseReader.Read(reply.Body));
    }

    private static TheoryData<string> Recorded(string operation)
    {
        var data = new TheoryData<string>();
        foreach (var reply in RecordedReplies.All.Where(reply => reply.Operation == operation && reply.IsDeviceReply && !HandEdited.ContainsKey(reply.Path)))
        {
            data.Add(reply.Path);
        }

        return data;
    }
}
