using System.Diagnostics.CodeAnalysis;

namespace Vigil.Core.Events;

/// <summary>
/// The stored source name of one host's share of pushed data (OTLP, syslog receiver, <c>vigil forward</c>):
/// <c>host:NAME/SOURCE</c>, e.g. <c>host:web01/syslog</c> or <c>host:dc01/eventlog:Security</c>. Each such name is one
/// (host, source) scope with its own hour windows, model and verdicts. The <c>host:</c> kind cannot collide with a local
/// source spec (<c>file:</c>, <c>evtx:</c>, <c>demo</c> …), and host names are restricted to what DNS allows, so the
/// name parses back without ambiguity and nothing from a log line can smuggle markup or a path into it.
/// </summary>
public static class HostSource
{
    public const string Prefix = "host:";

    /// <summary>The stored name of <paramref name="source"/> on <paramref name="host"/>; the host must pass <see cref="TryNormalizeHost"/>.</summary>
    public static string Compose(string host, string source)
    {
        if (!TryNormalizeHost(host, out var normal))
        {
            throw new ArgumentException($"'{host}' is not a valid host name", nameof(host));
        }

        return Prefix + normal + "/" + source;
    }

    /// <summary>Splits a stored name made by <see cref="Compose"/>; false for a local source spec.</summary>
    public static bool TryParse(string stored, [NotNullWhen(true)] out string? host, [NotNullWhen(true)] out string? source)
    {
        host = source = null;
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = stored.IndexOf('/', Prefix.Length);
        if (slash <= Prefix.Length || slash == stored.Length - 1)
        {
            return false;
        }

        host = stored[Prefix.Length..slash];
        source = stored[(slash + 1)..];
        return true;
    }

    /// <summary>
    /// Lower-cases and checks a host name: 1–253 characters of letters, digits, '.', '-' and '_' (the last for
    /// NetBIOS-style Windows names), not starting with '.' or '-'.
    /// </summary>
    public static bool TryNormalizeHost(string? host, [NotNullWhen(true)] out string? normal)
    {
        normal = null;
        var trimmed = host?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 253 || trimmed[0] is '.' or '-')
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        normal = trimmed.ToLowerInvariant();
        return true;
    }
}
