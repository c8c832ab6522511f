using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Jobs;
using Vigil.Core.Models;
using Vigil.Pipeline;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Api.Endpoints;

/// <summary><c>GET /status</c>: the seed's model status plus the configured source and the run state. Never any secret.</summary>
internal static class StatusApi
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        app.MapGroup(string.Empty).WithTags("Status").MapGet("/status", GetStatusAsync).WithSummary("Is there a model, trained when, on which hours, from which source");
        return app;
    }

    private static async Task<Ok<StatusDto>> GetStatusAsync(VigilContext context, JobCoordinator jobs, IServiceProvider services, CancellationToken cancellationToken)
    {
        ModelDocument? model = null;
        string? problem = null;
        try
        {
            model = await context.Models.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ModelFormatException ex)
        {
            problem = ex.Message;
        }

        var runs = await context.Store.GetRunsAsync(1, cancellationToken).ConfigureAwait(false);
        var scheduler = services.GetService<HourlyDetectionScheduler>();
        var api = context.Config.Api;
        return TypedResults.Ok(new StatusDto(
            model is not null,
            problem,
            model?.Kind,
            model?.TrainedAt,
            model?.TrainingFrom,
            model?.TrainingTo,
            model?.TrainingHours,
            model?.Source,
            context.Config.Vigil.Source,
            api.ApiKey is not null,
            scheduler is not null,
            api.ScheduleMinute,
            scheduler?.NextRunAt,
            jobs.Running?.Id,
            runs.Count > 0 ? RunDto.From(runs[0]) : null));
    }
}
