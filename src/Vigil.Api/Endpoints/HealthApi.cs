using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Pipeline;

namespace Vigil.Api.Endpoints;

/// <summary>
/// <c>GET /health</c> (liveness: 200 while the store answers, 503 otherwise) and <c>GET /health/ready</c>
/// (readiness: 503 until a model is loaded too). No API key: probes and load balancers call them, and they answer only
/// booleans and the time of the last successful run. Readiness does not parse the model per call (see <see cref="ModelReadiness"/>).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet(string.Empty, async (VigilContext context, ModelReadiness readiness, CancellationToken ct) => Answer(await CheckAsync(context, readiness, ct).ConfigureAwait(false), h => h.StoreReachable))
            .WithSummary("Liveness: the store answers");
        group.MapGet("/ready", async (VigilContext context, ModelReadiness readiness, CancellationToken ct) => Answer(await CheckAsync(context, readiness, ct).ConfigureAwait(false), h => h.Ready))
            .WithSummary("Readiness: the store answers and a model is loaded");
        return app;
    }

    private static Results<Ok<HealthDto>, JsonHttpResult<HealthDto>> Answer(HealthDto health, Func<HealthDto, bool> passes) =>
        passes(health) ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static async Task<HealthDto> CheckAsync(VigilContext context, ModelReadiness readiness, CancellationToken cancellationToken)
    {
        DateTime? lastSuccess = null;
        bool store;
        try
        {
            var runs = await context.Store.GetRunsAsync(100, cancellationToken).ConfigureAwait(false);
            lastSuccess = runs.FirstOrDefault(r => r.Outcome?.Succeeded == true)?.FinishedAt;
            store = true;
        }
        catch (Exception ex) when (ex is Vigil.Storage.StoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            store = false;
        }

        var model = await readiness.IsLoadedAsync(context, cancellationToken).ConfigureAwait(false);
        var ready = store && model;
        return new HealthDto(ready ? "healthy" : store ? "degraded" : "unhealthy", true, ready, store, model, lastSuccess);
    }
}
