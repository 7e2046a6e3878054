using System.Collections;

namespace SharpAmt.Transport.Http;

/// <summary>
/// Header lines in wire order. AMT clients depend on the order real firmware uses, so the order is kept
/// exactly as added or received; lookups ignore case.
/// </summary>
public sealed class HttpHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries = new(8);

    public int Count => _entries.Count;

    public HttpHeaders Add(string name, string value)
    {
        _entries.Add(new(name, value));
        return this;
    }

    /// <summary>The first value of the named header, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public bool Contains(string name) => this[name] is not null;

    /// <summary>True when a comma-separated header holds the token (e.g. Connection: TE, close).</summary>
    public bool HasToken(string name, string token)
    {
        foreach (var entry in _entries)
        {
            if (!string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var part in entry.Value.Split(','))
            {
                if (string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
