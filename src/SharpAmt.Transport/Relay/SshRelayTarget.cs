using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Transport.Relay;

/// <summary>
/// An SSH jump host as written on a command line, <c>[user@]host[:port]</c>. The host may also be an alias
/// from the ssh configuration. Values are checked strictly because they end up as ssh arguments: nothing
/// that could read as an option or carry a second word gets through.
/// </summary>
public sealed record SshRelayTarget
{
    public const string Syntax = "[user@]relay[:port]";

    private const int MaxNameLength = 253;

    public SshRelayTarget(string? user, string host, int? port)
    {
        if ((user is not null && !IsUserName(user)) || !(IsHostName(host) || IsIPv6(host)) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"not a valid relay: user '{user}', host '{host}', port {port}");
        }

        User = user;
        Host = host;
        Port = port;
    }

    /// <summary>Null leaves the choice to ssh (its configuration, else the local user name).</summary>
    public string? User { get; }

    public string Host { get; }

    /// <summary>Null leaves the choice to ssh (its configuration, else 22).</summary>
    public int? Port { get; }

    public static SshRelayTarget Parse(string text) =>
        TryParse(text, out var target, out var error) ? target : throw new FormatException(error);

    /// <param name="error">Why <paramref name="text"/> is not a relay, as one line that quotes it.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out SshRelayTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        error = Check(text, out var user, out var host, out var port);
        if (error is not null)
        {
            error = $"'{text}' is not a relay: {error}; expected {Syntax}";
            return false;
        }

        target = new SshRelayTarget(user, host!, port);
        return true;
    }

    private static string? Check(string text, out string? user, out string? host, out int? port)
    {
        user = null;
        host = null;
        port = null;
        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "it contains a space or a control character";
        }

        var rest = text;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            user = rest[..at];
            rest = rest[(at + 1)..];
            if (!IsUserName(user))
            {
                return user.Length == 0 ? "the user name before '@' is empty" : $"'{user}' is not a user name";
            }
        }

        string? portText = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return "'[' without ']'";
            }

            host = rest[1..close];
            var after = rest[(close + 1)..];
            if (!IsIPv6(host))
            {
                return $"'{host}' in brackets is not an IPv6 address";
            }

            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return $"unexpected '{after}' after ']'";
                }

                portText = after[1..];
            }
        }
        else if (rest.Count(c => c == ':') > 1)
        {
            // A bare IPv6 address: every colon belongs to it, so there is no room for a port.
            host = rest;
            if (!IsIPv6(host))
            {
                return $"'{host}' is neither a host name nor an IPv6 address (put IPv6 addresses with a port in brackets)";
            }
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? rest : rest[..colon];
            portText = colon < 0 ? null : rest[(colon + 1)..];
            if (!IsHostName(host))
            {
                return host.Length == 0 ? "the relay host is empty" : $"'{host}' is not a host name or address";
            }
        }

        if (portText is not null)
        {
            if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)
                || int.Parse(portText, CultureInfo.InvariantCulture) is < 1 or > 65535)
            {
                return $"port '{portText}' is not a number from 1 to 65535";
            }

            port = int.Parse(portText, CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>Letters, digits and <c>. _ -</c>, not starting with <c>-</c>: what POSIX allows in portable user names.</summary>
    private static bool IsUserName(string user) =>
        user.Length is > 0 and <= 64 && user[0] != '-' && user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A DNS name, an IPv4 address or an ssh alias: letters, digits and <c>. _ -</c>, not starting with <c>-</c> or <c>.</c>.</summary>
    private static bool IsHostName(string host) =>
        host.Length is > 0 and <= MaxNameLength && host[0] is not ('-' or '.')
        && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool IsIPv6(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !host.Contains('%', StringComparison.Ordinal);

    /// <summary>As written: <c>user@host:port</c>, IPv6 addresses in brackets.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return (User is null ? "" : User + "@") + host + (Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : "");
    }
}
