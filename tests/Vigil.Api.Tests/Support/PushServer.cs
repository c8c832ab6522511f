using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Tests.Support;

/// <summary>A running server that takes pushed logs, and small helpers to push to it and read what it stored.</summary>
public static class PushServer
{
    public const string IngestKey = "ingest-key-for-tests-4b1d";
    public const string Web01Key = "web01-only-key-for-tests-77aa";
    public const string AdminKey = "admin-key-for-tests-0c3e";

    public static readonly DateTime Time = new(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc);

    public static Task<RunningServer> StartAsync(Func<IngestSettings, IngestSettings>? ingest = null, Func<VigilApiOptions, VigilApiOptions>? options = null) =>
        RunningServer.StartAsync(
            trained: false,
            c =>
            {
                var settings = new IngestSettings([new(IngestKey, null), new(Web01Key, "web01")], [], IngestSettings.DefaultMaxRequestMegabytes);
                return c with { Api = c.Api with { ApiKey = AdminKey }, Ingest = ingest?.Invoke(settings) ?? settings };
            },
            options ?? (o => o));

    public static ExportLogsServiceRequest Request(string? host, int count, string prefix = "line", int severity = 9)
    {
        var resource = new Resource();
        if (host is not null)
        {
            resource.Attributes.Add(new KeyValue { Key = "host.name", Value = new AnyValue { StringValue = host } });
        }

        var scope = new ScopeLogs();
        for (var i = 0; i < count; i++)
        {
            scope.LogRecords.Add(new LogRecord
            {
                TimeUnixNano = (ulong)(Time.AddSeconds(i).Ticks - DateTime.UnixEpoch.Ticks) * 100,
                SeverityNumber = (SeverityNumber)severity,
                Body = new AnyValue { StringValue = $"{prefix} {i}" },
            });
        }

        var logs = new ResourceLogs { Resource = resource };
        logs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(logs);
        return request;
    }

    public static HttpRequestMessage Protobuf(IMessage body, string? key = IngestKey, bool gzip = false) =>
        Message(gzip ? Gzip(body.ToByteArray()) : body.ToByteArray(), "application/x-protobuf", key, gzip);

    public static HttpRequestMessage Message(byte[] body, string contentType, string? key, bool gzip = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        var message = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = content };
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }

        return message;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>Every event stored under <paramref name="source"/>, in time order.</summary>
    public static async Task<List<LogEvent>> StoredAsync(RunningServer server, string source)
    {
        var events = new List<LogEvent>();
        var range = new HourRange(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await foreach (var e in server.Server.Context.Store.ReadEventsAsync([source], range, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    public static async Task<long> StoredCountAsync(RunningServer server) =>
        (await server.Server.Context.Store.GetStatisticsAsync(CancellationToken.None)).Events;
}
