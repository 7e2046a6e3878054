namespace SharpAmt.Transport.Net;

/// <summary>
/// Opens the byte stream every protocol runs over: WS-Man HTTP and TLS today, the redirection ports tomorrow.
/// A relay (an SSH jump host) implements it as well as a direct TCP connection, so clients never know which
/// one carries them; TLS goes on top of whatever stream comes back, still checked against the device's name.
/// </summary>
public interface IConnectionDialer
{
    /// <summary>A connected stream to <paramref name="host"/>:<paramref name="port"/>, owned by the caller.</summary>
    /// <param name="timeout">Longest wait for the connection to open.</param>
    /// <exception cref="AmtConnectionException">The device could not be reached.</exception>
    /// <exception cref="AmtRelayException">The relay itself failed, so no device behind it can be reached.</exception>
    Task<Stream> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
