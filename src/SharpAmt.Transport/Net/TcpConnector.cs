using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Transport.Net;

/// <summary>Opens TCP connections to devices, translating socket errors into <see cref="AmtConnectionException"/> once.</summary>
public static class TcpConnector
{
    public static async Task<Socket> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var endpoint = Endpoints.Format(host, port);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.TryParse(host, out var address))
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), timeoutSource.Token).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(host, port, timeoutSource.Token).ConfigureAwait(false);
            }

            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new AmtConnectionException(endpoint, ConnectionFailure.TimedOut, $"{endpoint}: no answer to the connection attempt within {Endpoints.Seconds(timeout)}");
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw Translate(endpoint, exception);
        }
    }

    public static AmtConnectionException Translate(string endpoint, SocketException exception)
    {
        var (failure, text) = exception.SocketErrorCode switch
        {
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => (ConnectionFailure.NameNotResolved, "host name not found"),
            SocketError.ConnectionRefused => (ConnectionFailure.Refused, "connection refused (is AMT enabled and listening?)"),
            SocketError.TimedOut => (ConnectionFailure.TimedOut, "connection timed out"),
            SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown
                => (ConnectionFailure.Unreachable, "host unreachable"),
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
                => (ConnectionFailure.Reset, "connection reset by the device"),
            _ => (ConnectionFailure.Unreachable, exception.SocketErrorCode.ToString()),
        };
        return new AmtConnectionException(endpoint, failure, $"{endpoint}: {text}", exception);
    }
}
