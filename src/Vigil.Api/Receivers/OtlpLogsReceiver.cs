using System.Net;
using Google.Protobuf;
using Microsoft.Net.Http.Headers;
using Vigil.Api.Security;
using Vigil.Otlp;
using Vigil.Pipeline.Configuration;
using Vigil.Storage;

namespace Vigil.Api.Receivers;

/// <summary>
/// <c>POST /v1/logs</c>, OTLP/HTTP as the OpenTelemetry specification defines it: protobuf or JSON, optionally gzip,
/// authenticated by an ingest key. Records Vigil cannot place (no host, no time, a host the key is not bound to) are
/// refused in <c>partial_success</c> while the rest is stored; a body that is not a request is 400, too large 413,
/// an overloaded or failing store 429/503 with Retry-After (senders retry those, and the resend is stored once).
/// </summary>
internal sealed class OtlpLogsReceiver
{
    public const string Path = "/v1/logs";

    private readonly IngestKeyRing _keys;
    private readonly FailedKeyThrottle _throttle;
    private readonly IngestGate _gate;
    private readonly PushedEventWriter _writer;
    private readonly IngestSettings _settings;
    private readonly ILogger<OtlpLogsReceiver> _logger;

    public OtlpLogsReceiver(IngestKeyRing keys, FailedKeyThrottle throttle, IngestGate gate, PushedEventWriter writer, IngestSettings settings, ILogger<OtlpLogsReceiver> logger)
    {
        _keys = keys;
        _throttle = throttle;
        _gate = gate;
        _writer = writer;
        _settings = settings;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var media = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var json = string.Equals(media, OtlpAnswer.Json, StringComparison.OrdinalIgnoreCase);
        if (await AuthenticateAsync(context, json).ConfigureAwait(false) is not { } key)
        {
            return;
        }

        if (!json && !string.Equals(media, OtlpAnswer.Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            await OtlpAnswer.Error(context, json, StatusCodes.Status415UnsupportedMediaType, $"send OTLP logs as {OtlpAnswer.Protobuf} or {OtlpAnswer.Json}").ConfigureAwait(false);
            return;
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            await OtlpAnswer.Error(context, json, StatusCodes.Status415UnsupportedMediaType, "Content-Encoding must be gzip or none").ConfigureAwait(false);
            return;
        }

        using var slot = await _gate.EnterAsync(context.RequestAborted).ConfigureAwait(false);
        if (slot is null)
        {
            await OtlpAnswer.Error(context, json, StatusCodes.Status429TooManyRequests, "Vigil is storing other batches; retry after the delay", retryAfterSeconds: 1).ConfigureAwait(false);
            return;
        }

        await ReceiveAsync(context, key, json, gzip).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(HttpContext context, IngestKey key, bool json, bool gzip)
    {
        OtlpBatch batch;
        try
        {
            var body = await BoundedBody.ReadAsync(context.Request, gzip, _settings.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                await OtlpAnswer.Error(context, json, StatusCodes.Status413PayloadTooLarge, $"the request is larger than [ingest] max_request_mb = {_settings.MaxRequestMegabytes} MB (compressed or inflated); send smaller batches").ConfigureAwait(false);
                return;
            }

            batch = json ? OtlpLogMapper.Map(OtlpJson.ParseRequest(body)) : OtlpLogMapper.Map(body);
        }
        catch (Exception ex) when (ex is InvalidDataException or OtlpFormatException or InvalidProtocolBufferException or BadHttpRequestException)
        {
            var what = ex switch
            {
                InvalidDataException => "the body is marked gzip but does not inflate",
                OtlpFormatException => ex.Message,
                InvalidProtocolBufferException => "the body is not an OTLP ExportLogsServiceRequest in protobuf: " + ex.Message,
                _ => "the request body could not be read: " + ex.Message,
            };
            await OtlpAnswer.Error(context, json, StatusCodes.Status400BadRequest, what).ConfigureAwait(false);
            return;
        }

        var accepted = batch.Accepted;
        var rejected = batch.Rejected;
        var reason = batch.FirstRejection;
        if (key.BoundHost is { } bound)
        {
            accepted = [.. batch.Accepted.Where(r => r.Host == bound)];
            var foreign = batch.Accepted.Count - accepted.Count;
            rejected += foreign;
            reason ??= foreign > 0 ? $"this ingest key is bound to host {bound}; records of other hosts are refused" : null;
        }

        try
        {
            await _writer.StoreAsync(accepted.Select(r => (r.StoredSource, r.Event))).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            _logger.LogWarning("OTLP logs could not be stored, the sender is told to retry: {Problem}", ex.Message);
            await OtlpAnswer.Error(context, json, StatusCodes.Status503ServiceUnavailable, "the store cannot take the batch right now; retry after the delay", retryAfterSeconds: 5).ConfigureAwait(false);
            return;
        }

        if (rejected > 0)
        {
            _logger.LogDebug("OTLP logs from {Client}: {Rejected} record(s) refused ({Reason})", context.Connection.RemoteIpAddress, rejected, reason);
        }

        await OtlpAnswer.Success(context, json, rejected, reason).ConfigureAwait(false);
    }

    /// <summary>The ingest key of the request, or null after answering 401/429.</summary>
    private async Task<IngestKey?> AuthenticateAsync(HttpContext context, bool json)
    {
        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (_throttle.RetryAfter(client) is { } wait)
        {
            await OtlpAnswer.Error(context, json, StatusCodes.Status429TooManyRequests, $"more than {FailedKeyThrottle.MaxFailures} wrong keys came from this address within a minute", (int)Math.Ceiling(wait.TotalSeconds)).ConfigureAwait(false);
            return null;
        }

        if (_keys.IsEmpty)
        {
            await OtlpAnswer.Error(context, json, StatusCodes.Status401Unauthorized, "this server accepts no pushed logs: set [ingest] keys in its config").ConfigureAwait(false);
            return null;
        }

        var given = IngestKeyRing.Presented(context.Request);
        if (_keys.Find(given) is { } key)
        {
            return key;
        }

        if (given.Length > 0)
        {
            var failures = _throttle.Fail(client);
            if (failures == 1 || failures == FailedKeyThrottle.MaxFailures)
            {
                _logger.LogWarning("Wrong ingest key from {Client} for POST {Path} ({Failures} in the last minute)", client, Path, failures);
            }
        }

        await OtlpAnswer.Error(context, json, StatusCodes.Status401Unauthorized, given.Length == 0 ? "send an ingest key ([ingest] keys) as X-Api-Key or Authorization: Bearer" : "that is not one of this server's ingest keys").ConfigureAwait(false);
        return null;
    }
}
