using System.Net;
using System.Net.Sockets;
using System.Text;
using SharpAmt.Transport;
using SharpAmt.WsMan.Tests.Support;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.WsMan.Tests.Wire;

public sealed class SecureXmlTests
{
    private static string Envelope(string messageId) =>
        "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">" +
        $"<Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><a:MessageID>{messageId}</a:MessageID></Header><Body /></Envelope>";

    private static AmtProtocolException Refused(string xml, int maxCharacters = SecureXml.DefaultMaxCharacters) =>
        Assert.Throws<AmtProtocolException>(() => SecureXml.Load(Encoding.UTF8.GetBytes(xml), maxCharacters));

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" +
                  string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">")) +
                  "]>" + Envelope("&lol9;");

        var exception = Refused(xml);

        Assert.Equal(ProtocolViolation.MalformedXml, exception.Violation);
        Assert.DoesNotContain("lollol", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_file_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), "sharpamt-secret-" + Guid.NewGuid().ToString("N"));
        var marker = "SECRET-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(secret, marker);
        try
        {
            foreach (var target in new[] { new Uri(secret).AbsoluteUri, "file:///etc/passwd" })
            {
                var xml = $"<?xml version=\"1.0\"?><!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"{target}\">]>" +
                          Envelope("&xxe;");

                var exception = Refused(xml);

                Assert.Equal(ProtocolViolation.MalformedXml, exception.Violation);
                Assert.DoesNotContain(marker, exception.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("root:", exception.ToString(), StringComparison.Ordinal);
                var requestException = Assert.Throws<AmtProtocolException>(() => WsManRequestReader.Read(Encoding.UTF8.GetBytes(xml)));
                Assert.Equal(ProtocolViolation.MalformedXml, requestException.Violation);
            }
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task External_dtd_is_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Parse("127.0.40.250"), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE Envelope SYSTEM \"http://127.0.40.250:{port}/evil.dtd\">" +
                  Envelope("1");

        var exception = Assert.Throws<AmtProtocolException>(() => WsManResponseReader.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(ProtocolViolation.MalformedXml, exception.Violation);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(listener.Pending(), "the parser connected to fetch the DTD");
    }

    [Fact]
    public void Oversize_document_is_refused_and_one_under_the_limit_accepted()
    {
        var xml = Envelope(new string('x', 2000));

        Assert.NotNull(SecureXml.Load(Encoding.UTF8.GetBytes(xml), xml.Length + 10));
        Assert.Equal(ProtocolViolation.MalformedXml, Refused(xml, 1000).Violation);
        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => WsManRequestReader.Read(Encoding.UTF8.GetBytes(xml), 1000)).Violation);
        Assert.Equal(ProtocolViolation.MalformedXml, Assert.Throws<AmtProtocolException>(() => WsManResponseReader.Read(Encoding.UTF8.GetBytes(xml), 1000)).Violation);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\r\n  \t")]
    [InlineData("\uFEFF\n\n")]
    public void Byte_order_mark_and_whitespace_before_the_declaration_are_tolerated(string prefix)
    {
        var xml = prefix + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + Envelope("1");

        var request = WsManRequestReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("1", request.MessageId);
    }

    [Fact]
    public void Fixtures_starting_with_whitespace_parse()
    {
        foreach (var file in new[] { "amt/asset/get.xml", "amt/asset/enumerate.xml", "amt/asset/pull.xml" })
        {
            var bytes = Fixtures.Read(file);
            Assert.True(char.IsWhiteSpace((char)bytes[0]), $"{file} no longer starts with whitespace");

            Assert.NotNull(SecureXml.Load(bytes).Root);
        }
    }
}
