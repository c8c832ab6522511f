using Vigil.Pipeline;

namespace Vigil.Api.Receivers;

/// <summary>Registers and maps the push receivers of <c>vigil serve</c>.</summary>
internal static class ReceiversApi
{
    public static IServiceCollection AddReceivers(this IServiceCollection services, VigilContext context, int slots, TimeSpan slotWait)
    {
        services.AddSingleton(context.Config.Ingest);
        services.AddSingleton(new IngestKeyRing(context.Config.Ingest.Keys));
        services.AddSingleton(new IngestGate(slots, slotWait));
        services.AddSingleton(sp => new PushedEventWriter(context.Ingestor(m => sp.GetRequiredService<ILogger<PushedEventWriter>>().LogWarning("{Warning}", m))));
        services.AddSingleton<OtlpLogsReceiver>();
        return services;
    }

    public static IEndpointRouteBuilder MapOtlpLogs(this IEndpointRouteBuilder app)
    {
        app.MapPost(OtlpLogsReceiver.Path, (HttpContext context, OtlpLogsReceiver receiver) => receiver.HandleAsync(context))
            .ExcludeFromDescription();
        return app;
    }
}
