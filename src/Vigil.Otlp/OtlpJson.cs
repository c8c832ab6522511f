using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace Vigil.Otlp;

/// <summary>
/// The OTLP/JSON encoding: protobuf's JSON mapping (lowerCamelCase or original field names, 64-bit integers as numbers
/// or strings, enums as numbers or names) except that trace and span ids are hex strings rather than base64, and
/// unknown fields are ignored as the specification asks of receivers.
/// </summary>
public static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <exception cref="OtlpFormatException">The body is not an OTLP/JSON logs export request.</exception>
    public static ExportLogsServiceRequest ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var root = JsonNode.Parse(utf8Json, documentOptions: DocumentOptions) as JsonObject
                ?? throw new OtlpFormatException("the JSON body is not an object; send an OTLP ExportLogsServiceRequest");
            RewriteIds(root);
            return Parser.Parse<ExportLogsServiceRequest>(root.ToJsonString());
        }
        catch (Exception ex) when (ex is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new OtlpFormatException("the JSON body is not a valid OTLP logs export request: " + ex.Message, ex);
        }
    }

    public static string FormatResponse(ExportLogsServiceResponse response) => Formatter.Format(response);

    /// <summary>Hex ids become the base64 protobuf's JSON mapping expects; an id that is not hex is invalid and dropped.</summary>
    private static void RewriteIds(JsonObject root)
    {
        foreach (var record in Children(root, "resourceLogs", "resource_logs")
                     .SelectMany(r => Children(r, "scopeLogs", "scope_logs"))
                     .SelectMany(s => Children(s, "logRecords", "log_records")))
        {
            foreach (var name in new[] { "traceId", "trace_id", "spanId", "span_id" })
            {
                if (record[name] is not JsonValue value)
                {
                    continue;
                }

                var hex = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                record[name] = TryHex(hex) is { } bytes ? Convert.ToBase64String(bytes) : null;
                if (record[name] is null)
                {
                    record.Remove(name);
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Children(JsonObject parent, string camel, string snake) =>
        (parent[camel] ?? parent[snake]) is JsonArray array ? array.OfType<JsonObject>() : [];

    private static byte[]? TryHex(string? hex)
    {
        if (string.IsNullOrEmpty(hex) || hex.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
