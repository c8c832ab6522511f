using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Api.Hosting;

/// <summary>Tells Kestrel to bind the parsed endpoints and nothing else, and checks afterwards that it did.</summary>
internal static class KestrelBinding
{
    public static void Bind(KestrelServerOptions kestrel, IReadOnlyList<ListenEndpoint> endpoints, X509Certificate2? certificate)
    {
        foreach (var endpoint in endpoints)
        {
            void Configure(ListenOptions options)
            {
                if (endpoint.Https)
                {
                    options.UseHttps(certificate!);
                }
            }

            // Kestrel binds "localhost" as both 127.0.0.1 and [::1], but only on a fixed port.
            if (endpoint.IsLocalhost && endpoint.Port != 0)
            {
                kestrel.ListenLocalhost(endpoint.Port, Configure);
            }
            else
            {
                kestrel.Listen(endpoint.Address, endpoint.Port, Configure);
            }
        }
    }

    /// <summary>The .pfx of <c>[api] certificate</c>, required when an https:// address is configured.</summary>
    public static X509Certificate2? LoadCertificate(IReadOnlyList<ListenEndpoint> endpoints, string? path, string? password)
    {
        if (!endpoints.Any(e => e.Https))
        {
            return null;
        }

        if (path is null)
        {
            throw new ServeException("[api] listen has an https:// address but [api] certificate is not set; give the path of a .pfx file (and certificate_password if it has one).");
        }

        return LoadPfx(path, password);
    }

    /// <summary>The <c>[api] certificate</c> file (also what tls:// syslog listeners serve).</summary>
    public static X509Certificate2 LoadPfx(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ServeException($"[api] certificate: cannot read '{path}' as a .pfx file with [api] certificate_password ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ").Trim()}).", ex);
        }
    }

    /// <summary>Throws when Kestrel reports an address that <c>[api] listen</c> did not ask for.</summary>
    public static void CheckBound(IEnumerable<string> bound, IReadOnlyList<ListenEndpoint> endpoints)
    {
        foreach (var address in bound)
        {
            if (!endpoints.Any(e => Matches(address, e)))
            {
                throw new ServeException($"The server bound {address}, which [api] listen ({string.Join(";", endpoints.Select(e => e.Text))}) does not name; refusing to serve there.");
            }
        }
    }

    private static bool Matches(string bound, ListenEndpoint endpoint)
    {
        if (!Uri.TryCreate(bound, UriKind.Absolute, out var url) || (url.Scheme == "https") != endpoint.Https || (endpoint.Port != 0 && url.Port != endpoint.Port))
        {
            return false;
        }

        if (endpoint.IsLocalhost)
        {
            return ListenAddresses.IsLoopbackAddress(bound);
        }

        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && address.Equals(endpoint.Address);
    }
}
