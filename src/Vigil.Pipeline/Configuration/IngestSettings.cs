using System.Net;
using Vigil.Core.Events;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Vigil's <c>[ingest]</c> section: the push receivers of <c>vigil serve</c>. <c>keys</c> lists the ingest keys
/// (<c>KEY, KEY2@web01</c>; separate from <c>[api] api_key</c>, which never opens ingest), <c>syslog_listen</c> the
/// syslog listeners (<c>tcp://127.0.0.1:6514, udp://127.0.0.1:6514</c>), <c>max_request_mb</c> the largest OTLP body
/// accepted (compressed or not). Keys are secrets: never printed.
/// </summary>
public sealed record IngestSettings(IReadOnlyList<IngestKey> Keys, IReadOnlyList<SyslogEndpoint> SyslogListen, int MaxRequestMegabytes)
{
    public const int DefaultMaxRequestMegabytes = 16;

    public static IngestSettings None { get; } = new([], [], DefaultMaxRequestMegabytes);

    public long MaxRequestBytes => MaxRequestMegabytes * 1024L * 1024L;

    public override string ToString() =>
        $"IngestSettings {{ Keys = {Keys.Count} (***), SyslogListen = [{string.Join(", ", SyslogListen)}], MaxRequestMegabytes = {MaxRequestMegabytes} }}";

    internal static IngestSettings Read(SettingReader r, string? adminKey) => new(
        ReadKeys(r, adminKey),
        ReadListen(r),
        r.Int("ingest", "max_request_mb", DefaultMaxRequestMegabytes, min: 1, max: 1024));

    private static List<IngestKey> ReadKeys(SettingReader r, string? adminKey)
    {
        var keys = new List<IngestKey>();
        foreach (var entry in Split(r.OptionalString("ingest", "keys")))
        {
            // The key is never quoted in an error: name the entry by its position and bound host only.
            var shown = $"entry {keys.Count + 1}";
            var at = entry.LastIndexOf('@');
            var value = at < 0 ? entry : entry[..at];
            string? host = null;
            if (at >= 0 && !HostSource.TryNormalizeHost(entry[(at + 1)..], out host))
            {
                throw r.Invalid("ingest", "keys", shown, "binds its key to something that is not a host name (KEY@web01)");
            }

            if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw r.Invalid("ingest", "keys", shown, "has an empty key or one with spaces; list keys as KEY, KEY2@web01");
            }

            if (adminKey is not null && value == adminKey)
            {
                throw r.Invalid("ingest", "keys", shown, "is the [api] api_key; give senders their own keys (e.g. from: openssl rand -base64 32) so a host's key cannot open the API");
            }

            keys.Add(new IngestKey(value, host));
        }

        return keys;
    }

    private static List<SyslogEndpoint> ReadListen(SettingReader r)
    {
        var endpoints = new List<SyslogEndpoint>();
        foreach (var entry in Split(r.OptionalString("ingest", "syslog_listen")))
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var url) || url.Scheme is not (SyslogEndpoint.Tcp or SyslogEndpoint.Udp or SyslogEndpoint.Tls)
                || url.AbsolutePath is not ("/" or "") || url.Port is < 0 or > 65535)
            {
                throw r.Invalid("ingest", "syslog_listen", entry, "is not tcp://, udp:// or tls:// an address and port, e.g. tcp://127.0.0.1:6514");
            }

            var address = url.IsLoopback && url.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
                : IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) ? ip
                : throw r.Invalid("ingest", "syslog_listen", entry, "names a host; listen on an IP address (0.0.0.0 for every interface) or localhost");
            endpoints.Add(new SyslogEndpoint(url.Scheme, address, url.Port));
        }

        return endpoints;
    }

    private static string[] Split(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
