using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Pipeline;
using Vigil.Pipeline.Contracts;

namespace Vigil.Api.Endpoints;

/// <summary><c>GET /hours</c> (every hour's counts with its stored verdict) and <c>GET /anomalies</c> (flagged hours with reasons).</summary>
internal static class HoursApi
{
    public static IEndpointRouteBuilder MapHours(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Hours");
        group.MapGet("/hours", GetHoursAsync).WithSummary("Hourly counts of the configured sources, with scores where a detection ran");
        group.MapGet("/anomalies", GetAnomaliesAsync).WithSummary("Hours flagged as anomalous, with reasons");
        return app;
    }

    private static async Task<Results<Ok<List<StoredHourDto>>, ProblemHttpResult>> GetHoursAsync(DateTimeOffset? from, DateTimeOffset? to, VigilContext context, CancellationToken cancellationToken)
    {
        var (range, problem) = await QueryRange.ResolveAsync(from, to, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return ApiProblems.BadRequest(problem);
        }

        var summaries = await context.Store.GetHourlySummariesAsync(QueryRange.SourceNames(context), range, cancellationToken).ConfigureAwait(false);
        var scored = (await context.Store.GetScoredHoursAsync(range, cancellationToken).ConfigureAwait(false)).ToDictionary(h => h.Summary.Hour);
        return TypedResults.Ok(summaries.Select(s => StoredHourDto.From(s, scored.GetValueOrDefault(s.Hour))).ToList());
    }

    private static async Task<Results<Ok<List<HourDto>>, ProblemHttpResult>> GetAnomaliesAsync(DateTimeOffset? from, DateTimeOffset? to, VigilContext context, CancellationToken cancellationToken)
    {
        var (range, problem) = await QueryRange.ResolveAsync(from, to, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return ApiProblems.BadRequest(problem);
        }

        var scored = await context.Store.GetScoredHoursAsync(range, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(scored.Where(h => h.IsAnomaly).Select(HourDto.From).ToList());
    }
}
