using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Alerts.Tests.Support;

/// <summary>
/// A real Kestrel listener on 127.0.0.1 standing in for Slack and webhook receivers. It records every request and
/// answers from a script of responses (then 200 "ok").
/// </summary>
public sealed class HttpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private HttpTestServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<HttpTestServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new HttpTestServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    public void Then(int status, string body = "", string? retryAfter = null) => _script.Enqueue(new ScriptedResponse(status, body, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _received.Enqueue(new ReceivedRequest(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTime.UtcNow));
        var response = _script.TryDequeue(out var next) ? next : new ScriptedResponse(200, "ok", null);
        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        await context.Response.WriteAsync(response.Body);
    }

    private sealed record ScriptedResponse(int Status, string Body, string? RetryAfter);
}
