using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using SharpAmt.Transport.Http.Device;

namespace SharpAmt.Simulator.Http;

/// <summary>
/// Accepts connections on one of a device's ports (HTTP on 16992/16993, redirection on 16994/16995) and serves
/// each with the protocol's device loop, after the TLS handshake on TLS ports.
/// </summary>
internal sealed class DeviceListener : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly SimulatedDevice _device;
    private readonly Socket _socket;
    private readonly bool _tls;
    private readonly Func<Stream, CancellationToken, Task> _serve;
    private readonly Func<bool> _accepting;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    private DeviceListener(SimulatedDevice device, Socket socket, bool tls, Func<Stream, CancellationToken, Task> serve, Func<bool> accepting)
    {
        _device = device;
        _socket = socket;
        _tls = tls;
        _serve = serve;
        _accepting = accepting;
        _acceptLoop = AcceptLoopAsync();
    }

    public static DeviceListener Start(SimulatedDevice device, IPAddress address, int port, bool tls, IHttpDeviceApplication application) =>
        Start(device, address, port, tls, (stream, cancellation) => HttpDeviceConnection.ServeAsync(stream, application, HttpDeviceOptions.Default, cancellation), static () => true);

    /// <param name="serve">Runs one accepted connection to its end.</param>
    /// <param name="accepting">
    /// False while the port counts as closed (the redirection listener switched off in AMT_RedirectionService):
    /// connections are then reset at once. The socket stays bound so that switching back needs no rebind.
    /// </param>
    public static DeviceListener Start(SimulatedDevice device, IPAddress address, int port, bool tls, Func<Stream, CancellationToken, Task> serve, Func<bool> accepting)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            AllowRebindDuringTimeWait(socket);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(256);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new InvalidOperationException($"{address}:{port}: cannot listen ({exception.SocketErrorCode}); is another simulator or device using this address?", exception);
        }

        return new DeviceListener(device, socket, tls, serve, accepting);
    }

    /// <summary>
    /// Lets a restarted simulator bind while its previous connections linger in TIME_WAIT, without letting a
    /// second simulator bind a port that is in use. Socket's ReuseAddress cannot be used for this: on Unix it
    /// also sets SO_REUSEPORT, under which a second listener binds the same address and port without error.
    /// </summary>
    private static void AllowRebindDuringTimeWait(Socket socket)
    {
        var enabled = BitConverter.GetBytes(1);
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(LinuxSolSocket, LinuxSoReuseAddr, enabled);
        }
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            socket.SetRawSocketOption(BsdSolSocket, BsdSoReuseAddr, enabled);
        }
        else
        {
            // Windows does not hold TIME_WAIT against a listener's bind; exclusive use refuses a second listener.
            socket.ExclusiveAddressUse = true;
        }
    }

    private const int LinuxSolSocket = 1;
    private const int LinuxSoReuseAddr = 2;
    private const int BsdSolSocket = 0xFFFF;
    private const int BsdSoReuseAddr = 4;

    public void Stop()
    {
        _stopping.Cancel();
        _socket.Dispose();
    }

    public async Task StopAsync()
    {
        Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out of the accept loop.
        }

        _stopping.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            if (!_accepting() || _device.Faults.TakeSleepingConnection())
            {
                // A sleeping ME does not answer: reset the connection without reading anything.
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        Stream stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            if (_tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                handshake.CancelAfter(HandshakeTimeout);
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions
                    {
                        ServerCertificate = _device.Certificates.Certificate,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        ClientCertificateRequired = false,
                    },
                    handshake.Token).ConfigureAwait(false);
            }

            await _serve(stream, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
