using System.Diagnostics;
using System.Net;
using System.Text;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// The real <c>amt kvm HOST --listen ADDR:PORT --vnc-password</c> process (the built amt.dll beside these tests; or with
/// other serving options, such as <c>--listen-websocket</c>), with
/// the AMT password in AMT_PASSWORD and the viewers' in AMT_VNC_PASSWORD, never on the command line. Its standard input
/// stays open: whenever the device shows a consent code, the user types it there, for the first session and for any
/// the gateway reopens. Disposing kills it.
/// </summary>
internal sealed class AmtKvmGatewayProcess : IAsyncDisposable
{
    public const string VncPassword = "Cli!pw12";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _reading;
    private readonly Task _answering;

    private readonly IPEndPoint? _listen;

    private AmtKvmGatewayProcess(Process process, GatewayDevice device, IPEndPoint? listen)
    {
        _process = process;
        _listen = listen;
        _reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
        _answering = Task.Run(() => AnswerConsentAsync(device, _stopping.Token), CancellationToken.None);
    }

    /// <summary>Where VNC viewers connect over TCP (<c>--listen</c>).</summary>
    public IPEndPoint Endpoint => _listen ?? throw new InvalidOperationException("this amt kvm was started without --listen");

    private int _codesTyped;

    /// <summary>Codes typed on standard input so far.</summary>
    public int CodesTyped => Volatile.Read(ref _codesTyped);

    /// <summary>Everything printed on stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts amt with <c>--listen</c> and <c>--vnc-password</c> and waits until it says where it listens.</summary>
    public static Task<AmtKvmGatewayProcess> StartAsync(GatewayDevice device, IPEndPoint listen, CancellationToken cancellationToken) =>
        StartAsync(device, ["--listen", listen.ToString(), "--vnc-password"], listen, cancellationToken);

    /// <summary>Starts amt with the given serving options (the VNC password in the environment) and waits until it says where it listens.</summary>
    /// <param name="listen">The <c>--listen</c> endpoint among them, if any.</param>
    public static async Task<AmtKvmGatewayProcess> StartAsync(GatewayDevice device, IReadOnlyList<string> serving, IPEndPoint? listen, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "amt.dll"), "kvm", device.Host }.Concat(serving))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AMT_PASSWORD"] = device.Device.Options.Password;
        start.Environment["AMT_VNC_PASSWORD"] = VncPassword;
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "amt-interop-no-config");
        var process = Process.Start(start) ?? throw new InvalidOperationException("amt did not start");
        var gateway = new AmtKvmGatewayProcess(process, device, listen);
        try
        {
            await Eventually.TrueAsync(
                () => process.HasExited ? throw new Xunit.Sdk.XunitException($"amt kvm exited ({process.ExitCode}):\n{gateway.Output}") : gateway.Output.Contains("Ctrl-C stops", StringComparison.Ordinal),
                "amt kvm never said it was listening",
                cancellationToken);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(limit.Token);
        await Task.WhenAny(Task.WhenAll(_reading, _answering), Task.Delay(TimeSpan.FromSeconds(5)));
        _process.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Types each newly displayed code once, as the operator reading it from the user would.</summary>
    private async Task AnswerConsentAsync(GatewayDevice device, CancellationToken cancellationToken)
    {
        string? answered = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_process.HasExited)
            {
                var code = device.Device.Consent.DisplayedCode;
                if (code is null)
                {
                    // The code went away (granted or expired): the next one shown is a new request, even with the same digits.
                    answered = null;
                }
                else if (code != answered)
                {
                    await _process.StandardInput.WriteLineAsync(code.AsMemory(), cancellationToken);
                    await _process.StandardInput.FlushAsync(cancellationToken);
                    answered = code;
                    Interlocked.Increment(ref _codesTyped);
                }

                await Task.Delay(50, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The process ended or the test is done; nobody is asking any more.
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Killed mid-line; what was read is kept.
        }
    }
}
