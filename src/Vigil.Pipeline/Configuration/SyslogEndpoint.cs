using System.Net;

namespace Vigil.Pipeline.Configuration;

/// <summary>One <c>[ingest] syslog_listen</c> address: <c>tcp://</c>, <c>udp://</c> or <c>tls://</c> an IP (or localhost) and a port.</summary>
public sealed record SyslogEndpoint(string Protocol, IPAddress Address, int Port)
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";
    public const string Tls = "tls";

    public override string ToString() => $"{Protocol}://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port}";
}
