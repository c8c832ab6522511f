using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Core;
using Vigil.Api.Jobs;
using Vigil.Collectors;
using Vigil.Core.Models;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Errors;
using Vigil.Storage;

namespace Vigil.Api.Errors;

/// <summary>
/// RFC 7807 problem details for everything a run can end with. Only the pipeline's own one-line messages are
/// passed on; anything unexpected becomes a generic 500 so no internal detail (or secret) leaks.
/// </summary>
internal static class ApiProblems
{
    public const string JobIdExtension = "job_id";

    public static ProblemHttpResult For(Exception failure) => (OperatorFailures.Find(failure) ?? failure) switch
    {
        // 409: the server's state (no model yet) conflicts with the request; it succeeds after setup.
        NoModelException e => Problem(StatusCodes.Status409Conflict, "No model", e.Message),
        ModelFormatException e => Problem(StatusCodes.Status409Conflict, "Model unreadable", e.Message),
        NoEventsException e => Problem(StatusCodes.Status422UnprocessableEntity, "No events", e.Message),
        PipelineException e => Problem(StatusCodes.Status422UnprocessableEntity, "Run failed", e.Message),
        SourceException e => Problem(StatusCodes.Status422UnprocessableEntity, "Source unreadable", e.Message),
        ConfigException e => Problem(StatusCodes.Status500InternalServerError, "Configuration error", e.Message),
        StoreException e => Problem(StatusCodes.Status503ServiceUnavailable, "Store unavailable", e.Message),
        FileSystemException e => Problem(StatusCodes.Status503ServiceUnavailable, "Disk unavailable", e.Message),
        OperatorException e => Problem(StatusCodes.Status422UnprocessableEntity, "Run failed", e.Message),
        OperationCanceledException => Problem(StatusCodes.Status503ServiceUnavailable, "Cancelled", "The server is stopping; the run was cancelled."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Run failed", "The run failed unexpectedly; see the server log."),
    };

    /// <summary>409 for a second run while one is going on, naming the running job.</summary>
    public static ProblemHttpResult Busy(Job running) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "A run is in progress",
        detail: $"A {running.Kind} run is in progress (job {running.Id}); wait for it at /jobs/{running.Id} and try again.",
        extensions: new Dictionary<string, object?> { [JobIdExtension] = running.Id });

    public static ProblemHttpResult NoModel() => For(new NoModelException());

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
