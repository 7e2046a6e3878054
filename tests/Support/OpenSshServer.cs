using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharpAmt.Testing;

/// <summary>
/// A real OpenSSH server (Debian's openssh-server) on one loopback address, for the SSH relay tests and the
/// relay benchmark. Everything lives in a temporary directory: a generated host key, a client key that may log
/// in, a stranger's key that may not, and one ssh client configuration for each key that trusts only this
/// server's host key. Works as root (sshd then needs /run/sshd) and as an ordinary user, who can log in only
/// as themselves. Every wait is bounded.
/// </summary>
public sealed class OpenSshServer : IAsyncDisposable
{
    public const string SshdPath = "/usr/sbin/sshd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _sshd;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OpenSshServer(string directory, IPAddress address, int port, Process sshd)
    {
        Directory = directory;
        Address = address;
        Port = port;
        _sshd = sshd;
    }

    /// <summary>Why the relay tests cannot run here, or null when sshd, ssh and ssh-keygen are all installed.</summary>
    public static string? MissingReason =>
        !File.Exists(SshdPath) ? $"{SshdPath} is missing (Debian package openssh-server)"
        : FindOnPath("ssh") is null || FindOnPath("ssh-keygen") is null ? "ssh or ssh-keygen is missing (Debian package openssh-client)"
        : null;

    public string Directory { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>The account clients log in as: the one running the tests.</summary>
    public static string User => Environment.UserName;

    /// <summary><c>user@address:port</c>, the form <c>--via</c> takes.</summary>
    public string Target => $"{User}@{Address}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>An ssh configuration (for <c>ssh -F</c>) whose key the server accepts.</summary>
    public string ClientConfig => Path.Combine(Directory, "ssh_config");

    /// <summary>An ssh configuration whose key the server does not know.</summary>
    public string StrangerConfig => Path.Combine(Directory, "ssh_config_stranger");

    /// <summary>
    /// What sshd logged, at DEBUG1 so that it names every forwarded connection: "server_request_direct_tcpip:
    /// originator 127.0.0.1 port N, target ADDRESS port PORT".
    /// </summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<OpenSshServer> StartAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("amt-sshd-").FullName;
        string In(string name) => Path.Combine(directory, name);

        await KeygenAsync(In("host_key"), cancellationToken);
        await KeygenAsync(In("client_key"), cancellationToken);
        await KeygenAsync(In("stranger_key"), cancellationToken);
        File.Copy(In("client_key.pub"), In("authorized_keys"));
        EnsurePrivilegeSeparationDirectory();

        var port = FreePort(address);
        await File.WriteAllTextAsync(In("sshd_config"), $"""
            ListenAddress {address}:{port}
            HostKey "{In("host_key")}"
            PidFile "{In("sshd.pid")}"
            AuthorizedKeysFile "{In("authorized_keys")}"
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AllowTcpForwarding yes
            AllowAgentForwarding no
            X11Forwarding no
            PrintMotd no
            MaxStartups 200
            MaxSessions 200
            LogLevel DEBUG1

            """, cancellationToken);

        var hostKey = (await File.ReadAllTextAsync(In("host_key.pub"), cancellationToken)).Trim();
        await File.WriteAllTextAsync(In("known_hosts"), $"[{address}]:{port} {hostKey}\n", cancellationToken);
        await File.WriteAllTextAsync(In("ssh_config"), ClientConfigText(directory, "client_key"), cancellationToken);
        await File.WriteAllTextAsync(In("ssh_config_stranger"), ClientConfigText(directory, "stranger_key"), cancellationToken);

        var start = new ProcessStartInfo(SshdPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "-D", "-e", "-f", In("sshd_config") })
        {
            start.ArgumentList.Add(argument);
        }

        var sshd = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new OpenSshServer(directory, address, port, sshd);
        sshd.ErrorDataReceived += (_, line) => server.OnLine(line.Data);
        sshd.OutputDataReceived += (_, line) => server.OnLine(line.Data);
        sshd.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException($"sshd exited at start:\n{server.Log}"));
        sshd.Start();
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        try
        {
            await server._listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static string ClientConfigText(string directory, string key) => $"""
        Host *
          IdentityFile "{Path.Combine(directory, key)}"
          IdentitiesOnly yes
          IdentityAgent none
          UserKnownHostsFile "{Path.Combine(directory, "known_hosts")}"
          GlobalKnownHostsFile /dev/null
          StrictHostKeyChecking yes
          ConnectTimeout 5

        """;

    /// <summary>
    /// Whether a client asked this server to forward a connection to <paramref name="address"/>:<paramref name="port"/>.
    /// sshd's log arrives through a pipe of its own, so the line may lag the connection by a moment.
    /// </summary>
    public async Task<bool> ForwardedAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var line = $", target {address} port {port.ToString(CultureInfo.InvariantCulture)}";
        for (var poll = 0; poll < 100; poll++)
        {
            if (Log.Contains(line, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(20, cancellationToken);
        }

        return false;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.StartsWith("Server listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    /// <summary>As root, sshd insists on its empty, root-owned chroot directory for privilege separation.</summary>
    private static void EnsurePrivilegeSeparationDirectory()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || System.IO.Directory.Exists("/run/sshd"))
        {
            return;
        }

        System.IO.Directory.CreateDirectory("/run/sshd");
        File.SetUnixFileMode("/run/sshd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static async Task KeygenAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ssh-keygen") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-q", "-t", "ed25519", "-N", "", "-C", "sharpamt-test", "-f", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var keygen = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var error = keygen.StandardError.ReadToEndAsync(timeout.Token);
        await keygen.WaitForExitAsync(timeout.Token);
        if (keygen.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen failed: {await error}");
        }
    }

    private static int FreePort(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        try
        {
            _sshd.Kill(entireProcessTree: true);
            await _sshd.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Not started, or already gone.
        }

        _sshd.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary directory behind.
        }
    }
}
