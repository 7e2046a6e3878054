using System.Text;

namespace SharpAmt.Transport.Tls;

/// <summary>
/// A known-hosts style file, one fact per line:
/// <code>
/// 127.0.0.2:16993 sha256 3F:2A:…:C1
/// 127.0.0.2 realm Digest:727734D63A1FC0423736E48DA554E462
/// </code>
/// Lines are only ever appended, so concurrent fleets cannot lose each other's pins; the first line for a
/// key wins. Blank lines and lines starting with '#' are ignored.
/// </summary>
public sealed class KnownHostsFile : IDeviceTrustStore
{
    private const string PinKind = "sha256";
    private const string RealmKind = "realm";

    /// <summary>Encoding.UTF8 writes a byte order mark into a new file, which line-oriented tools (grep ^host) trip over.</summary>
    private static readonly UTF8Encoding WithoutByteOrderMark = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _lock = new();
    private Dictionary<(string Key, string Kind), string>? _cache;

    public KnownHostsFile(string path)
    {
        Location = path;
    }

    public string? Location { get; }

    public string? FindPin(string hostPort) => Find(hostPort, PinKind);

    public void AddPin(string hostPort, string fingerprint) => Append(hostPort, PinKind, fingerprint);

    public string? FindRealm(string host) => Find(host, RealmKind);

    public void RememberRealm(string host, string realm) => Append(host, RealmKind, realm);

    private string? Find(string key, string kind)
    {
        lock (_lock)
        {
            _cache ??= Load();
            return _cache.GetValueOrDefault((key.ToLowerInvariant(), kind));
        }
    }

    private void Append(string key, string kind, string value)
    {
        lock (_lock)
        {
            _cache ??= Load();
            var cacheKey = (key.ToLowerInvariant(), kind);
            if (_cache.ContainsKey(cacheKey))
            {
                return;
            }

            _cache[cacheKey] = value;
            var directory = Path.GetDirectoryName(Location);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.AppendAllText(Location!, $"{key} {kind} {value}\n", WithoutByteOrderMark);
        }
    }

    private Dictionary<(string, string), string> Load()
    {
        var entries = new Dictionary<(string, string), string>();
        if (!File.Exists(Location))
        {
            return entries;
        }

        foreach (var rawLine in File.ReadLines(Location!))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3)
            {
                entries.TryAdd((parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant()), parts[2]);
            }
        }

        return entries;
    }
}
