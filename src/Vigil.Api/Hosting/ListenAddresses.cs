using System.Net;

namespace Vigil.Api.Hosting;

/// <summary>Parses <c>[api] listen</c> and decides whether it reaches beyond this machine.</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<Uri> Parse(string listen)
    {
        var urls = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new ServeException("[api] listen is empty; give a URL such as http://127.0.0.1:5000");
        }

        return [.. urls.Select(ParseOne)];
    }

    /// <summary>True when every address is loopback; wildcards (*, +, 0.0.0.0, [::]) and host names other than localhost are not.</summary>
    public static bool AllLoopback(IEnumerable<Uri> urls) => urls.All(IsLoopback);

    private static bool IsLoopback(Uri url)
    {
        var host = url.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    private static Uri ParseOne(string text)
    {
        // Kestrel's wildcards are not valid URI hosts; they mean "every interface".
        var normalized = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ServeException($"[api] listen: '{text}' is not an http:// or https:// URL such as http://127.0.0.1:5000");
        }

        return url;
    }
}
