using System.Globalization;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Otlp;
using Vigil.Otlp.Rpc;

namespace Vigil.Api.Receivers;

/// <summary>
/// OTLP/HTTP answers in the request's own encoding: an <c>ExportLogsServiceResponse</c> on success (with
/// <c>partial_success</c> when records were refused), a <c>google.rpc.Status</c> with the status code otherwise.
/// </summary>
internal static class OtlpAnswer
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    public static Task Success(HttpContext context, bool json, long rejected, string? reason)
    {
        var response = new ExportLogsServiceResponse();
        if (rejected > 0)
        {
            response.PartialSuccess = new ExportLogsPartialSuccess { RejectedLogRecords = rejected, ErrorMessage = reason ?? string.Empty };
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        return json ? WriteJson(context, OtlpJson.FormatResponse(response)) : WriteProtobuf(context, response);
    }

    /// <param name="retryAfterSeconds">For 429 and 503: when the sender may try again.</param>
    public static Task Error(HttpContext context, bool json, int statusCode, string message, int? retryAfterSeconds = null)
    {
        context.Response.StatusCode = statusCode;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var status = new Status { Code = GrpcCode(statusCode), Message = message };
        return json ? WriteJson(context, JsonFormatter.Default.Format(status)) : WriteProtobuf(context, status);
    }

    // The gRPC codes the OTLP/gRPC transport would have used for the same failure.
    private static int GrpcCode(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => 3, // INVALID_ARGUMENT
        StatusCodes.Status401Unauthorized => 16, // UNAUTHENTICATED
        StatusCodes.Status403Forbidden => 7, // PERMISSION_DENIED
        StatusCodes.Status413PayloadTooLarge => 8, // RESOURCE_EXHAUSTED
        StatusCodes.Status429TooManyRequests => 8, // RESOURCE_EXHAUSTED
        StatusCodes.Status503ServiceUnavailable => 14, // UNAVAILABLE
        StatusCodes.Status415UnsupportedMediaType => 3,
        _ => 2, // UNKNOWN
    };

    private static Task WriteJson(HttpContext context, string body)
    {
        context.Response.ContentType = Json;
        return context.Response.WriteAsync(body);
    }

    private static Task WriteProtobuf(HttpContext context, IMessage message)
    {
        context.Response.ContentType = Protobuf;
        return context.Response.Body.WriteAsync(message.ToByteArray()).AsTask();
    }
}
