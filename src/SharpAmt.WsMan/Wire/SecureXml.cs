using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using SharpAmt.Transport;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// The only way SharpAMT parses XML: no DTDs, no external entities, no resolver, and a cap on document
/// size. The time a parse may take is bounded by that size; the bytes were read under a deadline.
/// </summary>
public static class SecureXml
{
    public const int DefaultMaxCharacters = 4 * 1024 * 1024;

    /// <summary>Loads a document and returns its root, which must be a SOAP 1.2 Envelope.</summary>
    public static XElement LoadSoapEnvelope(ReadOnlyMemory<byte> bytes, int maxCharacters = DefaultMaxCharacters)
    {
        var envelope = Load(bytes, maxCharacters).Root;
        return envelope is not null && envelope.Name.LocalName == "Envelope" && envelope.Name.NamespaceName == WsManNamespaces.Soap
            ? envelope
            : throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "not a SOAP 1.2 envelope");
    }

    public static XDocument Load(ReadOnlyMemory<byte> bytes, int maxCharacters = DefaultMaxCharacters)
    {
        var span = bytes.Span;
        var start = 0;
        // Some recorded envelopes start with whitespace or a byte-order mark before the declaration.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = 3;
        }

        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var trimmed = bytes[start..];
        var array = MemoryMarshal.TryGetArray(trimmed, out var segment)
            ? segment
            : new ArraySegment<byte>(trimmed.ToArray());
        using var stream = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedXml, exception.Message, innerException: exception);
        }
    }
}
