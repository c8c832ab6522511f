using System.Text.Json;
using Scalar.AspNetCore;
using Vigil.Api.Dashboard;
using Vigil.Api.Endpoints;
using Vigil.Api.Hosting;
using Vigil.Pipeline;
using Vigil.Api.Jobs;
using Vigil.Api.Security;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Api;

/// <summary>Builds <c>vigil serve</c>: Kestrel on <c>[api] listen</c>, the seed's endpoints and Vigil's, the dashboard and the hourly scheduler.</summary>
public static class VigilApi
{
    /// <summary>Request bodies are tiny JSON objects; anything bigger is refused with 413.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    /// <summary>Validates the listen address, takes the data directory's lock and builds the server (not started).</summary>
    public static VigilServer Create(VigilApiOptions options)
    {
        var config = options.Config;
        var listen = options.Listen ?? config.Api.Listen;
        if (!ListenAddresses.AllLoopback(ListenAddresses.Parse(listen)) && config.Api.ApiKey is null)
        {
            throw new ServeException($"Refusing to listen on {listen} without an API key: anyone who can reach it could run detection. Set [api] api_key (or VIGIL_API__API_KEY), or listen on http://127.0.0.1:5000.");
        }

        var instanceLock = InstanceLock.Acquire(config.Vigil.DataDir);
        var time = options.TimeProvider ?? TimeProvider.System;
        var context = new VigilContext(config, time);
        try
        {
            return new VigilServer(Build(options, listen, context, time), context, instanceLock);
        }
        catch
        {
            context.Dispose();
            instanceLock.Dispose();
            throw;
        }
    }

    private static WebApplication Build(VigilApiOptions options, string listen, VigilContext context, TimeProvider time)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = Directory.GetCurrentDirectory() });

        // Under the Windows service manager or systemd these report state and log there; elsewhere they do nothing.
        builder.Host.UseWindowsService(s => s.ServiceName = "Vigil");
        builder.Host.UseSystemd();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Kestrel: the configured address only, small bodies, no server banner.
        builder.WebHost.UseUrls(listen);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });

        // Options bound once: the validated config, the key, the clock, the context every endpoint shares.
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new ApiKeySettings(context.Config.Api.ApiKey));
        builder.Services.AddSingleton(sp => new JobCoordinator(time, sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, sp.GetRequiredService<ILogger<JobCoordinator>>()));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        // The hourly scheduler runs through the same one-run-at-a-time gate as POST /setup and /detect.
        if (options.EnableScheduler)
        {
            builder.Services.AddSingleton(sp => new HourlyDetectionScheduler(
                new GatedDetectionTarget(new StoreDetectionTarget(context, m => sp.GetRequiredService<ILogger<HourlyDetectionScheduler>>().LogWarning("{Warning}", m)), sp.GetRequiredService<JobCoordinator>()),
                new HourlySchedule(context.Config.Api.ScheduleMinute, context.Config.Detection.CollectionHours),
                sp.GetRequiredService<ILogger<HourlyDetectionScheduler>>(),
                time));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<HourlyDetectionScheduler>());
        }

        var app = builder.Build();

        // Errors of any kind, and empty 4xx/5xx answers, become RFC 7807 problem details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The dashboard's static files need no key: the page asks for it and sends it with each call.
        app.UseDashboard();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();

        // The API description and its browsable reference at /scalar.
        app.MapOpenApi();
        app.MapScalarApiReference();

        // Every data endpoint requires the key (when one is configured); /health does not.
        var data = app.MapGroup(string.Empty).WithMetadata(RequiresApiKey.Instance);
        data.MapStatus();
        data.MapRuns();
        data.MapHours();
        data.MapRunHistory();
        app.MapHealth();
        return app;
    }
}
