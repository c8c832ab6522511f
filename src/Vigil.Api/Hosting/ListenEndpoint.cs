using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Api.Hosting;

/// <summary>
/// One parsed <c>[api] listen</c> URL, reduced to what Kestrel is told to bind: an IP address (or localhost) and a
/// port. Kestrel is never handed the text itself, so it cannot read it differently from the loopback check.
/// </summary>
/// <param name="Address">The address bound; <see cref="IPAddress.Any"/> or <see cref="IPAddress.IPv6Any"/> for every interface.</param>
/// <param name="IsLocalhost">The URL said <c>localhost</c>: both 127.0.0.1 and [::1] are bound.</param>
internal sealed record ListenEndpoint(string Text, bool Https, IPAddress Address, bool IsLocalhost, int Port)
{
    public bool IsLoopback => IsLocalhost || IPAddress.IsLoopback(Address);

    public bool IsWildcard => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>The address as a URL host: localhost, 127.0.0.1, [::1].</summary>
    private string Host => IsLocalhost ? "localhost" : Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString();

    /// <summary>The names a browser may put in the Host header to reach this endpoint (bare, as host filtering wants them).</summary>
    public IEnumerable<string> HostNames() => IsLoopback ? ["localhost", "127.0.0.1", "[::1]"] : [Host];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Https ? "https" : "http")}://{Host}:{Port}");
}
