namespace Vigil.Api.Security;

/// <summary>
/// Refuses state-changing requests (POST, PUT, PATCH, DELETE) that a browser sent on behalf of another site, and any
/// body that is not JSON. A page elsewhere can only send "simple" requests without a preflight (form or text bodies,
/// no custom header): those are exactly what this turns away, before the API key or the endpoint is consulted.
/// </summary>
internal sealed class CrossSiteRequestFilter
{
    private readonly RequestDelegate _next;

    public CrossSiteRequestFilter(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return _next(context);
        }

        // Browsers mark every fetch with Sec-Fetch-Site and every POST with Origin; other clients send neither.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return Refuse(context, StatusCodes.Status403Forbidden, "Cross-site request refused", $"This server accepts {request.Method} only from its own pages or from clients that are not browsers (Sec-Fetch-Site: {site}).");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(context, StatusCodes.Status403Forbidden, "Cross-site request refused", $"This server accepts {request.Method} only from its own origin, not from {Trim(origin)}.");
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (hasBody && !IsJson(request.ContentType) && !IsPushedLogs(request))
        {
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType, "JSON required", "Send the request body as application/json (or no body at all).");
        }

        return _next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    // OTLP senders push protobuf; the receiver answers 415 itself for any other type. Not a simple content type, so a
    // browser cannot send it cross-site without a preflight this server never grants.
    private static bool IsPushedLogs(HttpRequest request) =>
        request.Path.Equals(Receivers.OtlpLogsReceiver.Path, StringComparison.Ordinal);

    // The Origin header comes from the caller; keep what is echoed short.
    private static string Trim(string origin) => origin.Length > 100 ? origin[..100] + "…" : origin;

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
