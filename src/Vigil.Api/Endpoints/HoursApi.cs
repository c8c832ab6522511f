using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Core.Detection;
using Vigil.Pipeline;
using Vigil.Pipeline.Contracts;

namespace Vigil.Api.Endpoints;

/// <summary>
/// <c>GET /hours</c> (every hour's counts with the scope's current verdict) and <c>GET /anomalies</c> (every verdict
/// that flagged an hour of the scope, as stored: model id, score, threshold, reasons — older models' verdicts included). <c>?source=</c> (comma-separated specs) selects the scope; the configured sources by default.
/// <c>?host=</c> selects a host that pushes its logs instead (see <see cref="HostsApi"/>; <c>source</c> then names one of its sources).
/// </summary>
internal static class HoursApi
{
    public static IEndpointRouteBuilder MapHours(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Hours");
        group.MapGet("/hours", GetHoursAsync).WithSummary("Hourly counts of the sources, with the verdicts a detection stored for them");
        group.MapGet("/anomalies", GetAnomaliesAsync).WithSummary("Every verdict that flagged an hour of the sources, with its model id, score, threshold and reasons");
        return app;
    }

    private static async Task<Results<Ok<List<StoredHourDto>>, Ok<List<HostStoredHourDto>>, ProblemHttpResult>> GetHoursAsync(DateTimeOffset? from, DateTimeOffset? to, string? source, string? host, VigilContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(host))
        {
            return (await HostsApi.GetHoursAsync(from, to, host, source, context, cancellationToken).ConfigureAwait(false)).Result switch
            {
                Ok<List<HostStoredHourDto>> ok => ok,
                var failed => (ProblemHttpResult)failed,
            };
        }

        var (sources, range, problem) = await QueryRange.ResolveAsync(from, to, source, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return ApiProblems.BadRequest(problem);
        }

        var windows = await HourWindows.ReadAsync(context, sources, range, cancellationToken).ConfigureAwait(false);
        var verdicts = (await context.Store.GetVerdictsAsync(new VerdictScope(sources).Key, range, cancellationToken).ConfigureAwait(false)).ToDictionary(v => v.Hour.Summary.Hour);
        return TypedResults.Ok(windows.Select(w => StoredHourDto.From(w.Summary, verdicts.GetValueOrDefault(w.Hour)?.Hour)).ToList());
    }

    private static async Task<Results<Ok<List<AnomalyDto>>, Ok<List<HostHourDto>>, ProblemHttpResult>> GetAnomaliesAsync(DateTimeOffset? from, DateTimeOffset? to, string? source, string? host, VigilContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(host))
        {
            return (await HostsApi.GetAnomaliesAsync(from, to, host, source, context, cancellationToken).ConfigureAwait(false)).Result switch
            {
                Ok<List<HostHourDto>> ok => ok,
                var failed => (ProblemHttpResult)failed,
            };
        }

        var (sources, range, problem) = await QueryRange.ResolveAsync(from, to, source, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return ApiProblems.BadRequest(problem);
        }

        // History is in hour order, oldest run first within an hour: the last verdict of each hour is its current one.
        var history = await context.Store.GetVerdictHistoryAsync(new VerdictScope(sources).Key, range, cancellationToken).ConfigureAwait(false);
        var current = history.GroupBy(v => v.Hour.Summary.Hour).Select(g => g.Last()).ToHashSet();
        return TypedResults.Ok(history.Where(v => v.Hour.IsAnomaly).Select(v => AnomalyDto.From(v, current.Contains(v))).ToList());
    }
}
