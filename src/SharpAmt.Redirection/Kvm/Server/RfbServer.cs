using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>
/// Serves an <see cref="IRfbScreen"/> to one viewer over a connected stream: the AMT KVM session after its 0x41, AMT's
/// port 5900, or a standard RFB server (see <see cref="RfbServerOptions"/>). Updates answer the viewer's requests with
/// the 64 × 64 tiles that changed since they were last sent.
/// </summary>
public static class RfbServer
{
    /// <summary>
    /// Runs the connection until the viewer leaves, breaks the protocol, trips a limit, or
    /// <paramref name="cancellationToken"/> fires; never throws for those. The caller owns and disposes
    /// <paramref name="stream"/>.
    /// </summary>
    public static async Task<RfbSessionEnd> ServeAsync(Stream stream, IRfbScreen screen, RfbServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(options);
        var connection = new RfbServerConnection(stream, screen, options);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
