using System.Text;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Eoi.Tests.Wire;

/// <summary>Neither side resolves DTDs or entities, and both refuse documents beyond their size and depth limits.</summary>
public sealed class HostileXmlTests
{
    private static byte[] WithHostName(string value, string prolog = "") => Encoding.UTF8.GetBytes(
        prolog + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><SetHostName xmlns=\"http://schemas.intel.com/platform/client/NetworkAdministration/2004/01\">" +
        $"<HostName>{value}</HostName></SetHostName></s:Body></s:Envelope>");

    public static TheoryData<string, byte[]> Hostile()
    {
        var secret = Path.Combine(Path.GetTempPath(), "sharpamt-eoi-never-read");
        return new TheoryData<string, byte[]>
        {
            { "billion laughs", WithHostName("&lol9;", "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY lol \"lol\">" +
                string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">")) + "]>") },
            { "external file entity", WithHostName("&xxe;", $"<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"{new Uri(secret).AbsoluteUri}\">]>") },
            { "external DTD", WithHostName("x", "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope SYSTEM \"http://127.0.0.1:1/evil.dtd\">") },
            { "undeclared entity", WithHostName("&nope;") },
        };
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Dtds_and_entities_are_refused_by_both_readers(string kind, byte[] body)
    {
        var request = Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(body));
        var reply = Assert.Throws<AmtProtocolException>(() => EoiResponseReader.Read(body, EoiOperations.SetHostName));

        Assert.Equal(ProtocolViolation.MalformedXml, request.Violation);
        Assert.Equal(ProtocolViolation.MalformedXml, reply.Violation);
        Assert.DoesNotContain("lollol", request.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_before_it_is_built()
    {
        var body = WithHostName(new string('a', 5000));

        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(body, maxCharacters: 4096)).Violation);
        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => EoiResponseReader.Read(body, EoiOperations.SetHostName, 4096)).Violation);
        Assert.Equal(new string('a', 5000), NetworkAdministrationMessages.ReadSetHostName(EoiRequestReader.Read(body)));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40));

        var exception = Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(WithHostName(deep)));

        Assert.Contains("nested deeper than 16", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_and_truncated_documents_are_malformed_xml()
    {
        var full = EoiRequestWriter.Write(NetworkAdministrationMessages.SetHostName("pc"));
        for (var cut = 1; cut < full.Length; cut += 7)
        {
            var exception = Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(full.AsMemory(0, cut)));
            Assert.True(exception.Violation is ProtocolViolation.MalformedXml or ProtocolViolation.UnexpectedXml, $"cut at {cut}: {exception.Violation}");
        }

        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => EoiRequestReader.Read(new byte[] { 0xFF, 0x00, 0x3C })).Violation);
    }
}
