using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Api.Jobs;
using Vigil.Pipeline;
using Vigil.Pipeline.Contracts;

namespace Vigil.Api.Endpoints;

/// <summary>
/// <c>POST /setup</c>, <c>POST /detect</c> and <c>GET /jobs/{id}</c>. Both runs go through the job gate (one at a
/// time, 409 naming the running job otherwise). Setup answers 202 with a job unless <c>?wait=true</c>; detect waits
/// and answers the seed's list of hours unless <c>?wait=false</c>.
/// </summary>
internal static class RunsApi
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Runs");
        group.MapPost("/setup", SetupAsync).WithSummary("Collect 7 days, train and save the model (202 + job, or ?wait=true)");
        group.MapPost("/detect", DetectAsync).WithSummary("Score the last collection_hours with the saved model (the seed's hours; ?wait=false for a job)");
        group.MapGet("/jobs/{id}", GetJob).WithSummary("A background run's progress and result");
        return app;
    }

    private static Task<Results<Ok<SetupDto>, Accepted<JobDto>, ProblemHttpResult>> SetupAsync(RunBody? body, bool? wait, VigilContext context, JobCoordinator jobs, ILogger<JobCoordinator> logger)
    {
        return LaunchAsync(jobs, body, "setup", wait ?? false, async (request, progress, ct) =>
            await new SetupService(context).RunAsync(request, progress, m => logger.LogWarning("setup: {Warning}", m), ct).ConfigureAwait(false),
            result => SetupDto.From((SetupResult)result!));
    }

    private static async Task<Results<Ok<List<HourDto>>, Accepted<JobDto>, ProblemHttpResult>> DetectAsync(RunBody? body, bool? wait, VigilContext context, JobCoordinator jobs, ILogger<JobCoordinator> logger)
    {
        // The seed's message straight away, rather than a job that is bound to fail.
        if (!context.Models.Exists)
        {
            return ApiProblems.NoModel();
        }

        return await LaunchAsync(jobs, body, DetectService.RunKind, wait ?? true, async (request, progress, ct) =>
            await new DetectService(context).RunAsync(request, progress, m => logger.LogWarning("detect: {Warning}", m), ct).ConfigureAwait(false),
            result => ((DetectReport)result!).Hours.Select(HourDto.From).ToList()).ConfigureAwait(false);
    }

    private static Results<Ok<JobDto>, ProblemHttpResult> GetJob(string id, JobCoordinator jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(JobDto.From(job)) : ApiProblems.NotFound($"There is no job {id} (jobs are kept in memory until the server restarts).");

    private static async Task<Results<Ok<T>, Accepted<JobDto>, ProblemHttpResult>> LaunchAsync<T>(
        JobCoordinator jobs,
        RunBody? body,
        string kind,
        bool wait,
        Func<RunRequest, IProgress<PipelineProgress>, CancellationToken, Task<object?>> run,
        Func<object?, T> present)
    {
        if (body?.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var request = new RunRequest(Now: body?.Now?.UtcDateTime, Hours: body?.Hours, Force: body?.Force ?? false);
        if (!jobs.TryStart(kind, (progress, ct) => run(request, progress, ct), out var job))
        {
            return ApiProblems.Busy(job);
        }

        if (!wait)
        {
            return TypedResults.Accepted($"/jobs/{job.Id}", JobDto.From(job));
        }

        await job.Completion.ConfigureAwait(false);
        return job.Failure is { } failure ? ApiProblems.For(failure) : TypedResults.Ok(present(job.Result));
    }
}
