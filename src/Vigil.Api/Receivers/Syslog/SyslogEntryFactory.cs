using System.IO.Hashing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Api.Receivers.Syslog;

/// <summary>
/// Turns one received message into the event stored under <c>host:NAME/syslog</c>: NAME is the message's HOSTNAME
/// (normalised), else the sender's address. The message is read by the parser syslog files use; one it cannot read is
/// kept whole as the message, at its arrival time, rather than lost. Its record key starts as a hash of host and raw
/// message (which holds the sender's timestamp): the same line resent after a restart is the same record.
/// </summary>
internal static class SyslogEntryFactory
{
    public const string SourceName = "syslog";
    public const string KeyPrefix = "syslog:";

    public static SyslogEntry Create(string raw, IPAddress peer, DateTime receivedUtc, TimeZoneInfo zone)
    {
        var text = raw.TrimEnd('\r', '\n', '\0');
        var parsed = SyslogMessage.TryParse(text, receivedUtc, zone, out var message)
            ? message
            : new SyslogMessage(receivedUtc, LevelMapping.Information, null, null, text);
        var host = HostSource.TryNormalizeHost(parsed.Host, out var named) ? named : HostOf(peer);
        var e = new LogEvent(
            parsed.TimeUtc,
            parsed.Level,
            0,
            parsed.AppName is { Length: > 0 } app ? app : SourceName,
            SourceName,
            host,
            parsed.Message,
            KeyPrefix + Hash(host, text));
        return new SyslogEntry(HostSource.Compose(host, SourceName), e);
    }

    /// <summary>The sender's address as a host name: IPv4 as is, IPv6 with '-' for ':' (host names hold no colon).</summary>
    public static string HostOf(IPAddress peer)
    {
        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? address.ToString().Replace(':', '-').Replace('%', '-').Trim('-')
            : address.ToString();
    }

    private static string Hash(string host, string raw)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(host));
        hash.Append([0]);
        hash.Append(Encoding.UTF8.GetBytes(raw));
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
