using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Core.Detection;
using Vigil.Pipeline;
using Vigil.Pipeline.Contracts;
using Vigil.Pipeline.Fleet;

namespace Vigil.Api.Endpoints;

/// <summary>
/// <c>GET /hosts</c>: every host that pushes its logs, with its state (learning, ok, anomalous). The hour queries of one
/// host (<c>/hours?host=</c>, <c>/anomalies?host=</c>) live here too: rows per source of the host, each naming it.
/// </summary>
internal static class HostsApi
{
    public static IEndpointRouteBuilder MapHosts(this IEndpointRouteBuilder app)
    {
        app.MapGroup(string.Empty).WithTags("Hosts").MapGet("/hosts", GetHostsAsync).WithSummary("Every host that pushes its logs: state, learning progress, last event and verdict, recent volume");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<HostOverview>>, ProblemHttpResult>> GetHostsAsync(string? state, VigilContext context, CancellationToken cancellationToken)
    {
        var hosts = await FleetOverview.ReadAsync(context, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<HostOverview>>(state is null ? hosts : [.. hosts.Where(h => string.Equals(h.State, state, StringComparison.OrdinalIgnoreCase))]);
    }

    /// <summary>Each hour of each of the host's sources (or of <paramref name="source"/> only), with its stored verdict.</summary>
    public static async Task<Results<Ok<List<HostStoredHourDto>>, ProblemHttpResult>> GetHoursAsync(DateTimeOffset? from, DateTimeOffset? to, string host, string? source, VigilContext context, CancellationToken cancellationToken)
    {
        var (scopes, range, problem) = await ResolveAsync(from, to, host, source, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var rows = new List<HostStoredHourDto>();
        foreach (var scope in scopes)
        {
            var windows = await HourWindows.ReadAsync(context, [scope.Name], range, cancellationToken).ConfigureAwait(false);
            var verdicts = (await context.Store.GetVerdictsAsync(new VerdictScope([scope.Name]).Key, range, cancellationToken).ConfigureAwait(false)).ToDictionary(v => v.Hour.Summary.Hour);
            rows.AddRange(windows.Select(w => new HostStoredHourDto(scope.Host, scope.Source, StoredHourDto.From(w.Summary, verdicts.GetValueOrDefault(w.Hour)?.Hour))));
        }

        return TypedResults.Ok(rows);
    }

    /// <summary>The anomalous hours of each of the host's sources (or of <paramref name="source"/> only), with reasons.</summary>
    public static async Task<Results<Ok<List<HostHourDto>>, ProblemHttpResult>> GetAnomaliesAsync(DateTimeOffset? from, DateTimeOffset? to, string host, string? source, VigilContext context, CancellationToken cancellationToken)
    {
        var (scopes, range, problem) = await ResolveAsync(from, to, host, source, context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var rows = new List<HostHourDto>();
        foreach (var scope in scopes)
        {
            var verdicts = await context.Store.GetVerdictsAsync(new VerdictScope([scope.Name]).Key, range, cancellationToken).ConfigureAwait(false);
            rows.AddRange(verdicts.Where(v => v.Hour.IsAnomaly).Select(v => new HostHourDto(scope, v.Hour)));
        }

        return TypedResults.Ok(rows);
    }

    private static async Task<(IReadOnlyList<HostScope> Scopes, Core.Windows.HourRange Range, ProblemHttpResult? Problem)> ResolveAsync(DateTimeOffset? from, DateTimeOffset? to, string host, string? source, VigilContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<HostScope> scopes;
        try
        {
            scopes = await HostScopes.ListAsync(context.Store, host, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineException ex)
        {
            return ([], default, ApiProblems.NotFound(ex.Message));
        }

        if (!string.IsNullOrWhiteSpace(source))
        {
            scopes = [.. scopes.Where(s => s.Source == source.Trim())];
            if (scopes.Count == 0)
            {
                return ([], default, ApiProblems.NotFound($"host '{host}' has no source '{source.Trim()}'; GET /hosts lists each host's sources"));
            }
        }

        var (range, problem) = await QueryRange.RangeAsync(from, to, [.. scopes.Select(s => s.Name)], context, cancellationToken).ConfigureAwait(false);
        return (scopes, range, problem is null ? null : ApiProblems.BadRequest(problem));
    }
}
