using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using SharpAmt.Transport;

namespace SharpAmt.Eoi.Wire;

/// <summary>
/// How EOI envelopes are parsed, on both sides: no DTDs, no external entities, no resolver, a cap on the
/// document's size (parse time is bounded by it; the bytes were read under a deadline), and only elements deep.
/// </summary>
public static class EoiXml
{
    /// <summary>EOI messages are a few hundred bytes; this leaves room for any reply AMT ever sent.</summary>
    public const int DefaultMaxCharacters = 256 * 1024;

    /// <summary>Envelope, Body, operation, struct, struct member: real messages nest five deep.</summary>
    public const int MaxDepth = 16;

    /// <summary>Loads a document and returns its root, which must be a SOAP Envelope.</summary>
    public static XElement LoadEnvelope(ReadOnlyMemory<byte> bytes, int maxCharacters = DefaultMaxCharacters)
    {
        var envelope = Load(bytes, maxCharacters).Root;
        return envelope is not null && envelope.Name.LocalName == "Envelope"
               && envelope.Name.NamespaceName is EoiNamespaces.SoapEnvelope or EoiNamespaces.Soap12Envelope
            ? envelope
            : throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "not a SOAP envelope");
    }

    /// <summary>The first element inside the Envelope's Body, or null when the Body is missing or empty.</summary>
    public static XElement? FirstInBody(XElement envelope) =>
        envelope.Elements().FirstOrDefault(element => element.Name.LocalName == "Body" && element.Name.Namespace == envelope.Name.Namespace)
            ?.Elements().FirstOrDefault();

    public static XDocument Load(ReadOnlyMemory<byte> bytes, int maxCharacters = DefaultMaxCharacters)
    {
        var span = bytes.Span;
        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var trimmed = bytes[start..];
        var array = MemoryMarshal.TryGetArray(trimmed, out var segment) ? segment : new ArraySegment<byte>(trimmed.ToArray());
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
            var document = XDocument.Load(reader, LoadOptions.None);
            if (Depth(document.Root) > MaxDepth)
            {
                throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"elements nested deeper than {MaxDepth}");
            }

            return document;
        }
        catch (XmlException exception)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedXml, exception.Message, innerException: exception);
        }
    }

    private static int Depth(XElement? root)
    {
        if (root is null)
        {
            return 0;
        }

        // Iterative, so a hostile document cannot exhaust the stack here either.
        var deepest = 0;
        var pending = new Stack<(XElement Element, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxDepth)
            {
                return deepest;
            }

            foreach (var child in element.Elements())
            {
                pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }
}
