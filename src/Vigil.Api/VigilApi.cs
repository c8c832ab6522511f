using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.HostFiltering;
using Scalar.AspNetCore;
using Vigil.Api.Dashboard;
using Vigil.Api.Endpoints;
using Vigil.Api.Hosting;
using Vigil.Pipeline;
using Vigil.Api.Jobs;
using Vigil.Api.Receivers;
using Vigil.Api.Security;
using Vigil.Pipeline.Contracts;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Api;

/// <summary>Builds <c>vigil serve</c>: Kestrel on <c>[api] listen</c>, the seed's endpoints and Vigil's, the dashboard and the hourly scheduler.</summary>
public static class VigilApi
{
    /// <summary>Request bodies are tiny JSON objects; anything bigger is refused with 413.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    /// <summary>
    /// Validates the listen address, the key and the certificate, takes the data directory's lock, resolves the API key
    /// (generating one on first start when none is configured) and builds the server (not started).
    /// </summary>
    public static VigilServer Create(VigilApiOptions options)
    {
        var config = options.Config;
        var endpoints = ListenAddresses.Parse(options.Listen ?? config.Api.Listen);
        var exposed = !ListenAddresses.AllLoopback(endpoints);
        if (exposed && config.Api.ApiKey is { Length: < ApiKeyFile.MinimumExposedLength } shortKey)
        {
            throw new ServeException($"[api] api_key has {shortKey.Length} characters; a server reachable from other machines needs at least {ApiKeyFile.MinimumExposedLength} (e.g. from: openssl rand -base64 32), or remove it to have one generated.");
        }

        var certificate = KestrelBinding.LoadCertificate(endpoints, config.Api.Certificate, config.Api.CertificatePassword);
        var instanceLock = InstanceLock.Acquire(config.Vigil.DataDir);
        var time = options.TimeProvider ?? TimeProvider.System;
        VigilContext? context = null;
        try
        {
            var key = ApiKeyFile.Resolve(config.Api.ApiKey, config.Vigil.DataDir);
            context = new VigilContext(config, time);
            var app = Build(options, endpoints, certificate, key, context, time);
            IReadOnlyList<string> warnings = [.. StartupWarnings.For(config, endpoints, options.RunsPrivileged ?? Environment.IsPrivilegedProcess), .. NotImported(context)];
            foreach (var warning in warnings)
            {
                app.Logger.LogWarning("{Warning}", warning);
            }

            return new VigilServer(app, context, instanceLock, endpoints)
            {
                ApiKey = key.Value,
                KeyNotice = ApiKeyFile.Notice(key, DashboardUrl(endpoints)),
                Warnings = warnings,
            };
        }
        catch
        {
            context?.Dispose();
            instanceLock.Dispose();
            throw;
        }
    }

    private static WebApplication Build(VigilApiOptions options, IReadOnlyList<ListenEndpoint> endpoints, X509Certificate2? certificate, ServeKey key, VigilContext context, TimeProvider time)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = Directory.GetCurrentDirectory() });

        // Only config.ini decides how serve runs: ASP.NET's own sources (appsettings.json in the working directory,
        // ASPNETCORE_*/DOTNET_* and plain environment variables such as Kestrel__Endpoints__X__Url) would otherwise
        // add endpoints or override [api] listen behind the loopback rule's back.
        builder.Configuration.Sources.Clear();

        // Under the Windows service manager or systemd these report state and log there; elsewhere they do nothing.
        builder.Host.UseWindowsService(s => s.ServiceName = "Vigil");
        builder.Host.UseSystemd();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        // Kestrel: the parsed addresses only, small bodies, no server banner.
        builder.WebHost.ConfigureKestrel(k =>
        {
            KestrelBinding.Bind(k, endpoints, certificate);
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });

        // Options bound once: the validated config, the key, the clock, the context every endpoint shares.
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton(new FailedKeyThrottle(time));
        builder.Services.AddSingleton(new ModelReadiness());

        // Push ingest (OTLP, syslog): its own keys, a bounded number of batches at once, the one ingestion road.
        builder.Services.AddReceivers(context, options.IngestSlots, options.IngestSlotWait, certificate);

        // Requests must name this server (a DNS-rebinding page names its own domain), see AllowedHosts.
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = [.. AllowedHosts(endpoints, context.Config.Alerts.PublicUrl)];
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddSingleton(sp => new JobCoordinator(time, sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, sp.GetRequiredService<ILogger<JobCoordinator>>()));
        builder.Services.ConfigureHttpJsonOptions(o => ContractJson.Apply(o.SerializerOptions));
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
            builder.Services.AddHostedService(sp => new RetrainScheduler(
                new GatedRetrainTarget(new ModelRetrainTarget(context, m => sp.GetRequiredService<ILogger<RetrainScheduler>>().LogWarning("{Warning}", m)), sp.GetRequiredService<JobCoordinator>()),
                context.Config.Detection.RetrainDays,
                sp.GetRequiredService<ILogger<RetrainScheduler>>(),
                time));

            // Hosts that push their logs: every host scope scored each hour, the work shared with other instances on the store.
            builder.Services.AddSingleton<IHostedService>(sp => new HourlyDetectionScheduler(
                new GatedDetectionTarget(new FleetDetectionTarget(context, m => sp.GetRequiredService<ILogger<FleetDetectionTarget>>().LogWarning("{Warning}", m)), sp.GetRequiredService<JobCoordinator>()),
                new HourlySchedule(context.Config.Api.ScheduleMinute, Math.Max(context.Config.Detection.CollectionHours, FleetDetectionTarget.CatchUpHours)),
                sp.GetRequiredService<ILogger<HourlyDetectionScheduler>>(),
                time));
        }

        var app = builder.Build();

        // Security headers on every answer; a Host this server is not known by is refused before anything else.
        app.UseMiddleware<SecurityHeaders>();
        app.UseHostFiltering();

        // Errors of any kind, and empty 4xx/5xx answers, become RFC 7807 problem details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // State-changing requests from other sites, or with a body that is not JSON, go no further.
        app.UseMiddleware<CrossSiteRequestFilter>();

        // The dashboard's static files need no key: the page asks for it and sends it with each call.
        app.UseDashboard();
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();

        // The API description and its browsable reference at /scalar.
        app.MapOpenApi();
        app.MapScalarApiReference();

        // Every data endpoint requires the key; /health does not.
        var data = app.MapGroup(string.Empty).WithMetadata(RequiresApiKey.Instance);
        data.MapStatus();
        data.MapRuns();
        data.MapHours();
        data.MapHosts();
        data.MapRunHistory();
        data.MapOperator();
        data.MapIncidents();
        app.MapHealth();

        // Pushed logs carry an ingest key, never the admin key (see IngestKeyRing).
        app.MapOtlpLogs();
        return app;
    }

    /// <summary>
    /// The Host names requests may carry: the listen addresses (localhost, 127.0.0.1 and [::1] for loopback) and the
    /// host of <c>[alerts] public_url</c>. A wildcard listen address without a public_url accepts any name: the server
    /// is then reached by names it cannot know, and the API key is what protects it.
    /// </summary>
    internal static IEnumerable<string> AllowedHosts(IReadOnlyList<ListenEndpoint> endpoints, string? publicUrl)
    {
        var publicHost = publicUrl is not null && Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) ? url.Host : null;
        if (endpoints.Any(e => e.IsWildcard) && publicHost is null)
        {
            return ["*"];
        }

        var hosts = endpoints.SelectMany(e => e.IsWildcard ? new ListenEndpoint(e.Text, e.Https, IPAddress.Loopback, true, e.Port).HostNames() : e.HostNames());
        return hosts.Concat(publicHost is null ? [] : [publicHost]).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An instance moved to PostgreSQL names what its own SQLite file still holds of the operator's state (no longer
    /// applied until imported). A store that cannot be read now says so on first use, as before: no warning then.
    /// </summary>
    private static IEnumerable<string> NotImported(VigilContext context)
    {
        try
        {
            return Pipeline.Operator.LocalOperatorState.FindAsync(context, CancellationToken.None).GetAwaiter().GetResult() is { IsEmpty: false } local ? [local.Notice] : [];
        }
        catch (Core.OperatorException)
        {
            return [];
        }
    }

    private static string DashboardUrl(IReadOnlyList<ListenEndpoint> endpoints)
    {
        var first = endpoints[0];
        var shown = first.IsWildcard ? first with { Address = IPAddress.Loopback } : first;
        return shown + "/";
    }
}
