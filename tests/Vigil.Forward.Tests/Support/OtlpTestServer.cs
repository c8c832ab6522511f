using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Otlp;

namespace Vigil.Forward.Tests.Support;

/// <summary>
/// A real OTLP/HTTP endpoint on 127.0.0.1 (Kestrel, a free port): <c>POST /v1/logs</c> takes gzip protobuf, maps it
/// with Vigil's own <see cref="OtlpLogMapper"/> and keeps each (stored source, record key) once, as the store does.
/// <see cref="Respond"/> can make it answer otherwise (down, partial success, a refused key).
/// </summary>
internal sealed class OtlpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<(string Source, string Key), string?> _stored = [];
    private readonly List<(string? Key, string? Encoding, string? ContentType)> _requests = [];

    private OtlpTestServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>When set and it returns a result, that result answers instead of storing.</summary>
    public Func<HttpContext, IResult?>? Respond { get; set; }

    public IReadOnlyList<(string? Key, string? Encoding, string? ContentType)> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int Stored
    {
        get
        {
            lock (_gate)
            {
                return _stored.Count;
            }
        }
    }

    public IReadOnlyList<string> Messages()
    {
        lock (_gate)
        {
            return [.. _stored.Values.Select(m => m ?? string.Empty)];
        }
    }

    public IReadOnlyList<string> StoredSources()
    {
        lock (_gate)
        {
            return [.. _stored.Keys.Select(k => k.Source).Distinct()];
        }
    }

    public static async Task<OtlpTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new OtlpTestServer(app);
        app.MapPost("/v1/logs", (Func<HttpContext, Task<IResult>>)server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        lock (_gate)
        {
            _requests.Add((context.Request.Headers["X-Api-Key"].FirstOrDefault(), context.Request.Headers.ContentEncoding.FirstOrDefault(), context.Request.ContentType));
        }

        if (Respond?.Invoke(context) is { } answer)
        {
            return answer;
        }

        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(body);
        }

        var batch = OtlpLogMapper.Map(ExportLogsServiceRequest.Parser.ParseFrom(body.ToArray()));
        lock (_gate)
        {
            foreach (var record in batch.Accepted)
            {
                _stored.TryAdd((record.StoredSource, record.Event.RecordKey), record.Event.Message);
            }
        }

        return Results.Bytes(new ExportLogsServiceResponse().ToByteArray(), "application/x-protobuf");
    }
}
