using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Otlp;

namespace Vigil.Forward.Sending;

/// <summary>
/// Pushes a batch as OTLP/HTTP: <c>POST {to}/v1/logs</c>, protobuf, gzip, the ingest key as <c>X-Api-Key</c>. The
/// records carry <c>host.name</c>, <c>vigil.source</c> and <c>vigil.record_key</c>, so the server files them under
/// <c>host:HOST/SOURCE</c> and stores a resent record once. Answers follow the OTLP/HTTP specification: 2xx is
/// acknowledged (with partial-success rejections counted), 429/502/503/504 and other 5xx are retried (after
/// Retry-After when given), 401/403/404 stop the agent for the operator to fix, other 4xx reject the batch.
/// </summary>
public sealed class OtlpHttpSender : IBatchSender, IDisposable
{
    public const string Path = "/v1/logs";

    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");

    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly string? _key;
    private readonly string _host;

    /// <param name="to">The server's base URL (or the full <c>/v1/logs</c> address).</param>
    /// <param name="key">The ingest key, or null.</param>
    /// <param name="host">The normalized host name the events are filed under.</param>
    public OtlpHttpSender(Uri to, string? key, string host, HttpMessageHandler? handler = null)
    {
        _endpoint = Endpoint(to);
        _key = key;
        _host = host;
        _client = handler is null ? new HttpClient() : new HttpClient(handler);
        _client.Timeout = TimeSpan.FromSeconds(30);
    }

    public Uri EndpointUrl => _endpoint;

    /// <summary><c>{to}/v1/logs</c>, unless <paramref name="to"/> already names it.</summary>
    public static Uri Endpoint(Uri to) =>
        to.AbsolutePath.TrimEnd('/').EndsWith(Path, StringComparison.Ordinal) ? to : new Uri(to.GetLeftPart(UriPartial.Path).TrimEnd('/') + Path);

    public async Task<SendResult> SendAsync(ForwardBatch batch, CancellationToken cancellationToken)
    {
        var export = new ExportLogsServiceRequest();
        export.ResourceLogs.Add(OtlpLogEncoder.ToResourceLogs(_host, batch.Source, batch.Events));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = Gzip(export.ToByteArray()) };
        if (_key is not null)
        {
            request.Headers.Add("X-Api-Key", _key);
        }

        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var code = (int)response.StatusCode;
        var status = $"{code} {response.ReasonPhrase}".TrimEnd();
        return code switch
        {
            >= 200 and < 300 => Acknowledged(body),
            401 or 403 => throw new ForwardException($"{_endpoint}: the server refused the ingest key ({status}{Reason(response, body)}); set --key, [forward] key or VIGIL_FORWARD__KEY to a key of the server's [ingest] keys (bound to this host, if bound)"),
            404 or 405 => throw new ForwardException($"{_endpoint}: {status}; --to must be the address of a vigil serve that takes pushed logs"),
            429 or >= 500 => SendResult.RetryLater($"{_endpoint}: {status}{Reason(response, body)}", RetryAfter(response)),
            _ => new SendResult(SendStatus.Accepted, batch.Events.Count, $"{status}{Reason(response, body)}"),
        };
    }

    public void Dispose() => _client.Dispose();

    private static SendResult Acknowledged(byte[] body)
    {
        if (body.Length == 0)
        {
            return SendResult.Accepted;
        }

        ExportLogsServiceResponse answer;
        try
        {
            answer = ExportLogsServiceResponse.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            // A 2xx is an acknowledgement whatever its body; an unreadable body only hides the rejection count.
            return SendResult.Accepted;
        }

        return answer.PartialSuccess is { RejectedLogRecords: > 0 } partial
            ? new SendResult(SendStatus.Accepted, partial.RejectedLogRecords, string.IsNullOrWhiteSpace(partial.ErrorMessage) ? null : partial.ErrorMessage)
            : SendResult.Accepted;
    }

    private static ByteArrayContent Gzip(byte[] payload)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = Protobuf;
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    /// <summary>Retry-After as seconds or as a date; null when absent (the backoff decides).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>A short plain-text reason from the body, when the server sent one (never from a protobuf body).</summary>
    private static string Reason(HttpResponseMessage response, byte[] body)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (body.Length == 0 || !(type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal)))
        {
            return string.Empty;
        }

        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? string.Empty : ": " + text;
    }
}
