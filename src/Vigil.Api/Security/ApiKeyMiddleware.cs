using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Api.Security;

/// <summary>
/// Checks <c>X-Api-Key</c> on endpoints marked <see cref="RequiresApiKey"/> (every data endpoint; not /health,
/// the dashboard's static files or the API description). Runs after routing so it can read the marker. Wrong keys are
/// logged (with the client address, never the key) and throttled per address.
/// </summary>
internal sealed class ApiKeyMiddleware
{
    public const string HeaderName = "X-Api-Key";

    private readonly RequestDelegate _next;
    private readonly byte[] _keyHash;
    private readonly FailedKeyThrottle _throttle;
    private readonly ILogger<ApiKeyMiddleware> _logger;

    public ApiKeyMiddleware(RequestDelegate next, ServeKey key, FailedKeyThrottle throttle, ILogger<ApiKeyMiddleware> logger)
    {
        _next = next;
        _keyHash = Hash(key.Value);
        _throttle = throttle;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresApiKey>() is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (_throttle.RetryAfter(client) is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many wrong API keys",
                detail: $"More than {FailedKeyThrottle.MaxFailures} wrong keys came from this address within a minute; try again in {Math.Ceiling(wait.TotalSeconds)} seconds.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var given = context.Request.Headers[HeaderName].ToString();

        // Comparing hashes in fixed time tells an attacker nothing about how much of a guess was right.
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Hash(given), _keyHash))
        {
            if (given.Length > 0)
            {
                var failures = _throttle.Fail(client);
                if (failures == 1 || failures == FailedKeyThrottle.MaxFailures)
                {
                    _logger.LogWarning("Wrong API key from {Client} for {Method} {Path} ({Failures} in the last minute{Throttled})", client, context.Request.Method, context.Request.Path.Value, failures, failures >= FailedKeyThrottle.MaxFailures ? "; further attempts are refused for the rest of the minute" : string.Empty);
                }
            }

            var problem = TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: given.Length == 0 ? $"Send the API key in the {HeaderName} header." : $"The {HeaderName} header does not hold this server's API key.");
            await problem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
