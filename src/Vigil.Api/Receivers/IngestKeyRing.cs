using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Receivers;

/// <summary>
/// The <c>[ingest] keys</c> a push must carry, as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Separate from the
/// admin key: that one opens the API and never ingest, these open ingest and never the API. Keys are compared by hash
/// in fixed time, every key each time, so neither timing nor order tells an attacker anything; they are never logged.
/// </summary>
internal sealed class IngestKeyRing
{
    private readonly (byte[] Hash, IngestKey Key)[] _keys;

    public IngestKeyRing(IReadOnlyList<IngestKey> keys) =>
        _keys = [.. keys.Select(k => (Hash(k.Value), k))];

    /// <summary>No key configured: the server accepts no pushed logs.</summary>
    public bool IsEmpty => _keys.Length == 0;

    /// <summary>The key the request was sent with (text as given), or an empty string when none.</summary>
    public static string Presented(HttpRequest request)
    {
        var header = request.Headers[Security.ApiKeyMiddleware.HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : string.Empty;
    }

    /// <summary>The ingest key <paramref name="given"/> is, or null.</summary>
    public IngestKey? Find(string given)
    {
        if (given.Length == 0)
        {
            return null;
        }

        var hash = Hash(given);
        IngestKey? found = null;
        foreach (var (keyHash, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
            {
                found = key;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
