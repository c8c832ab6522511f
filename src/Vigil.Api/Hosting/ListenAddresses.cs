using System.Net;

namespace Vigil.Api.Hosting;

/// <summary>
/// Parses <c>[api] listen</c> into endpoints Kestrel binds exactly, and decides whether they reach beyond this machine.
/// Anything Kestrel might read differently (user info, a path, a query, a host name other than localhost) is refused.
/// </summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<ListenEndpoint> Parse(string listen)
    {
        var urls = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new ServeException("[api] listen is empty; give a URL such as http://127.0.0.1:5000");
        }

        return [.. urls.Select(ParseOne)];
    }

    /// <summary>True when every address is loopback; wildcards (*, +, 0.0.0.0, [::]) and other addresses are not.</summary>
    public static bool AllLoopback(IEnumerable<ListenEndpoint> endpoints) => endpoints.All(e => e.IsLoopback);

    /// <summary>True when an address Kestrel reports as bound is loopback (it reports localhost as 127.0.0.1 and [::1]).</summary>
    public static bool IsLoopbackAddress(string bound)
    {
        if (!Uri.TryCreate(WithoutWildcards(bound), UriKind.Absolute, out var url))
        {
            return false;
        }

        var host = url.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static ListenEndpoint ParseOne(string text)
    {
        var normalized = WithoutWildcards(text);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw Refused(text, "is not an http:// or https:// URL such as http://127.0.0.1:5000");
        }

        if (url.UserInfo.Length > 0 || normalized.Contains('@', StringComparison.Ordinal))
        {
            throw Refused(text, "holds user info (user@); give only scheme, address and port, such as http://127.0.0.1:5000");
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || normalized.Contains('\\', StringComparison.Ordinal))
        {
            throw Refused(text, "has a path or query; give only scheme, address and port, such as http://127.0.0.1:5000");
        }

        var https = url.Scheme == "https";
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenEndpoint(text, https, IPAddress.Loopback, IsLocalhost: true, url.Port);
        }

        if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            throw Refused(text, $"names the host '{url.Host}'; give an IP address (0.0.0.0 for every interface) or localhost, so exactly that is bound");
        }

        // ::ffff:127.0.0.1 is 127.0.0.1 written as IPv6; bind it as the IPv4 address it is.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new ListenEndpoint(text, https, address, IsLocalhost: false, url.Port);
    }

    // Kestrel's wildcards are not valid URI hosts; they mean "every interface".
    private static string WithoutWildcards(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);

    private static ServeException Refused(string text, string problem) => new($"[api] listen: '{text}' {problem}");
}
