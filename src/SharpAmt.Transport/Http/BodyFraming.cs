using System.Globalization;

namespace SharpAmt.Transport.Http;

public enum BodyFraming
{
    None,
    ContentLength,
    Chunked,
    UntilClose,
}

public static class BodyFramingRules
{
    /// <summary>How the body after a head is delimited (RFC 9112 section 6.3).</summary>
    public static BodyFraming Of(HttpHeaders headers, bool isResponse, int statusCode, out long contentLength)
    {
        contentLength = 0;
        if (isResponse && (statusCode is >= 100 and < 200 or 204 or 304))
        {
            return BodyFraming.None;
        }

        var transferEncoding = headers["Transfer-Encoding"];
        if (transferEncoding is not null)
        {
            // Only plain chunked: a compressed coding underneath would hand the caller bytes it cannot read.
            if (!string.Equals(transferEncoding.Trim(), "chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new AmtProtocolException(ProtocolViolation.UnsupportedTransferEncoding, HttpHeadParser.Printable(transferEncoding));
            }

            return BodyFraming.Chunked;
        }

        var length = headers["Content-Length"];
        if (length is not null)
        {
            if (!long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength))
            {
                throw new AmtProtocolException(ProtocolViolation.MalformedContentLength, HttpHeadParser.Printable(length));
            }

            return contentLength == 0 ? BodyFraming.None : BodyFraming.ContentLength;
        }

        return isResponse ? BodyFraming.UntilClose : BodyFraming.None;
    }
}
