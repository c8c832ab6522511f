using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace Vigil.Api.Receivers;

/// <summary>
/// Reads a pushed request body into memory up to a cap, gunzipping <c>Content-Encoding: gzip</c>; the cap holds for
/// the bytes on the wire and for what they inflate to, so neither a huge body nor a small gzip bomb gets through.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it (or its inflated form) is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The body claims gzip but is not.</exception>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, bool gzip, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Kestrel's server-wide limit is for the API's small JSON bodies; this endpoint enforces its own.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var wire = await CopyAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (wire is null || !gzip)
        {
            return wire;
        }

        using var compressed = new MemoryStream(wire, writable: false);
        using var inflate = new GZipStream(compressed, CompressionMode.Decompress);
        return await CopyAsync(inflate, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]?> CopyAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
