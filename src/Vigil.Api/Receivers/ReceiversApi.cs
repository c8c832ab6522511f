using System.Security.Cryptography.X509Certificates;
using Vigil.Api.Hosting;
using Vigil.Api.Receivers.Syslog;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Receivers;

/// <summary>Registers and maps the push receivers of <c>vigil serve</c>.</summary>
internal static class ReceiversApi
{
    public static IServiceCollection AddReceivers(this IServiceCollection services, VigilContext context, int slots, TimeSpan slotWait, X509Certificate2? apiCertificate)
    {
        var ingest = context.Config.Ingest;
        services.AddSingleton(context.Config.Ingest);
        services.AddSingleton(new IngestKeyRing(context.Config.Ingest.Keys));
        services.AddSingleton(new IngestGate(slots, slotWait));
        services.AddSingleton(sp => new PushedEventWriter(context.Ingestor(m => sp.GetRequiredService<ILogger<PushedEventWriter>>().LogWarning("{Warning}", m))));
        services.AddSingleton<OtlpLogsReceiver>();

        // Syslog: bound when the server starts, stopped (and its queue committed) when it stops.
        var tls = ingest.SyslogListen.Any(e => e.Protocol == SyslogEndpoint.Tls);
        var certificate = !tls ? null : apiCertificate ?? (context.Config.Api.Certificate is { } path
            ? KestrelBinding.LoadPfx(path, context.Config.Api.CertificatePassword)
            : throw new ServeException("[ingest] syslog_listen has a tls:// address but [api] certificate is not set; give the path of a .pfx file"));
        services.AddSingleton(sp => new SyslogReceiver(
            ingest.SyslogListen,
            new SyslogBatcher(sp.GetRequiredService<PushedEventWriter>(), context.Clock, sp.GetRequiredService<ILogger<SyslogBatcher>>()),
            certificate,
            context.Clock,
            sp.GetRequiredService<ILogger<SyslogReceiver>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SyslogReceiver>());
        return services;
    }

    public static IEndpointRouteBuilder MapOtlpLogs(this IEndpointRouteBuilder app)
    {
        app.MapPost(OtlpLogsReceiver.Path, (HttpContext context, OtlpLogsReceiver receiver) => receiver.HandleAsync(context))
            .ExcludeFromDescription();
        return app;
    }
}
