using System.Security.Cryptography;
using System.Text;

namespace Vigil.Api.Security;

/// <summary>
/// Checks <c>X-Api-Key</c> on endpoints marked <see cref="RequiresApiKey"/> (every data endpoint; not /health,
/// the dashboard's static files or the API description). Runs after routing so it can read the marker.
/// </summary>
internal sealed class ApiKeyMiddleware
{
    public const string HeaderName = "X-Api-Key";

    private readonly RequestDelegate _next;
    private readonly byte[]? _keyHash;

    public ApiKeyMiddleware(RequestDelegate next, ApiKeySettings settings)
    {
        _next = next;
        _keyHash = settings.Key is null ? null : Hash(settings.Key);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_keyHash is null || context.GetEndpoint()?.Metadata.GetMetadata<RequiresApiKey>() is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var given = context.Request.Headers[HeaderName].ToString();

        // Comparing hashes in fixed time tells an attacker nothing about how much of a guess was right.
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Hash(given), _keyHash))
        {
            var problem = TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: given.Length == 0 ? $"Send the API key in the {HeaderName} header." : $"The {HeaderName} header does not hold the configured API key.");
            await problem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
