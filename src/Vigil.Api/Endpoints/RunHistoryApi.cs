using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Pipeline;

namespace Vigil.Api.Endpoints;

/// <summary><c>GET /runs</c>: the stored setup and detect runs, newest first.</summary>
internal static class RunHistoryApi
{
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapRunHistory(this IEndpointRouteBuilder app)
    {
        app.MapGroup(string.Empty).WithTags("Runs").MapGet("/runs", GetRunsAsync).WithSummary("Stored runs, newest first (?limit=50)");
        return app;
    }

    private static async Task<Results<Ok<List<RunDto>>, ProblemHttpResult>> GetRunsAsync(int? limit, VigilContext context, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest($"limit must be between 1 and {MaxLimit}");
        }

        var runs = await context.Store.GetRunsAsync(limit ?? 50, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(runs.Select(RunDto.From).ToList());
    }
}
