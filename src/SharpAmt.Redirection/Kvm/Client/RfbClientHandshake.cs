using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>What ServerInit said.</summary>
internal sealed record RfbServerInit(int Width, int Height, RfbPixelFormat Format, string Name);

/// <summary>
/// The viewer's side of the RFB handshake (RFC 6143 §7.1–7.3, reference §6.6.2): accepts AMT's 4.000 and any 3.x
/// banner from 3.8 up and answers 3.8, takes security None (the redirection login already authenticated) or VNC
/// authentication when a password is given, reads SecurityResult, sends a shared ClientInit and reads ServerInit.
/// </summary>
internal static class RfbClientHandshake
{
    private const int MaxReasonLength = 4096;
    private const int MaxNameLength = 4096;

    public static async Task<RfbServerInit> RunAsync(PipeReader reader, Stream stream, string endpoint, KvmSessionOptions options, CancellationToken cancellationToken)
    {
        var banner = await ReadAsync(reader, RfbVersion.BannerSize, cancellationToken).ConfigureAwait(false);
        if (!RfbVersion.TryParse(banner, out var major, out var minor) || major < 3 || (major == 3 && minor < 8))
        {
            throw new RfbProtocolException(RfbRejectReason.MalformedVersion, Encoding.ASCII.GetString(banner).TrimEnd('\n'));
        }

        await WriteAsync(stream, RfbVersion.V3_8.ToArray(), cancellationToken).ConfigureAwait(false);
        var count = (await ReadAsync(reader, 1, cancellationToken).ConfigureAwait(false))[0];
        if (count == 0)
        {
            var reason = await ReadReasonAsync(reader, cancellationToken).ConfigureAwait(false);
            throw new RfbProtocolException(RfbRejectReason.NoSecurityType, reason);
        }

        var types = await ReadAsync(reader, count, cancellationToken).ConfigureAwait(false);
        var choice = types.Contains((byte)RfbSecurityType.None) ? RfbSecurityType.None
            : types.Contains((byte)RfbSecurityType.VncAuthentication) && options.VncPassword is not null ? RfbSecurityType.VncAuthentication
            : throw new RfbProtocolException(RfbRejectReason.UnsupportedSecurityType,
                types.Contains((byte)RfbSecurityType.VncAuthentication) ? "the server asks for a VNC password and none was given" : $"offered {string.Join(", ", types)}");
        await WriteAsync(stream, [(byte)choice], cancellationToken).ConfigureAwait(false);
        if (choice == RfbSecurityType.VncAuthentication)
        {
            var challenge = await ReadAsync(reader, VncAuthentication.ChallengeSize, cancellationToken).ConfigureAwait(false);
            await WriteAsync(stream, VncAuthentication.Respond(challenge, options.VncPassword!), cancellationToken).ConfigureAwait(false);
        }

        var result = BinaryPrimitives.ReadUInt32BigEndian(await ReadAsync(reader, 4, cancellationToken).ConfigureAwait(false));
        if (result != 0)
        {
            var reason = await ReadReasonAsync(reader, cancellationToken).ConfigureAwait(false);
            throw new AmtAuthenticationException(endpoint, "(VNC)", $"{endpoint}: the RFB server refused the connection: {reason}");
        }

        await WriteAsync(stream, [1], cancellationToken).ConfigureAwait(false);
        byte[] init;
        try
        {
            init = await ReadAsync(reader, 24, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException exception)
        {
            // What AMT does when it cannot capture: close right after ClientInit (MeshCommander's 50000).
            throw new KvmDisconnectedException(endpoint, KvmDisconnectReason.CannotCapture, exception);
        }

        int width = BinaryPrimitives.ReadUInt16BigEndian(init), height = BinaryPrimitives.ReadUInt16BigEndian(init.AsSpan(2));
        var format = RfbPixelFormat.Read(init.AsSpan(4));
        var nameLength = BinaryPrimitives.ReadUInt32BigEndian(init.AsSpan(20));
        if (nameLength > MaxNameLength)
        {
            throw new RfbProtocolException(RfbRejectReason.MessageTooLarge, $"desktop name of {nameLength} bytes");
        }

        var name = await ReadAsync(reader, (int)nameLength, cancellationToken).ConfigureAwait(false);
        return new RfbServerInit(width, height, format, Encoding.UTF8.GetString(name));
    }

    /// <summary>A failure reason: BE32 length and text, after a zero count or a failed SecurityResult (3.8).</summary>
    private static async Task<string> ReadReasonAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        try
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(await ReadAsync(reader, 4, cancellationToken).ConfigureAwait(false));
            return length > MaxReasonLength ? "(reason too long)" : Encoding.UTF8.GetString(await ReadAsync(reader, (int)length, cancellationToken).ConfigureAwait(false));
        }
        catch (EndOfStreamException)
        {
            return "(no reason given)";
        }
    }

    private static async Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The server closed first.</exception>
    internal static async Task<byte[]> ReadAsync(PipeReader reader, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var result = await reader.ReadAtLeastAsync(count, cancellationToken).ConfigureAwait(false);
        if (result.Buffer.Length < count)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            throw new EndOfStreamException("the RFB server closed the connection during the handshake");
        }

        var bytes = result.Buffer.Slice(0, count).ToArray();
        reader.AdvanceTo(result.Buffer.GetPosition(count));
        return bytes;
    }
}
