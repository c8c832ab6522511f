using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Pipeline;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Contracts;

namespace Vigil.Api.Endpoints;

/// <summary><c>GET /incidents</c> (the most recently active first; <c>?state=open</c> for open ones) and <c>POST /incidents/{id}/ack</c>, as <c>vigil incidents</c>.</summary>
internal static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/incidents").WithTags("Incidents");
        group.MapGet(string.Empty, ListAsync).WithSummary("Incidents: open, updated, resolved; ?state=open for the open ones");
        group.MapPost("/{id}/ack", AcknowledgeAsync).WithSummary("Acknowledge an incident {note}: its updates page nobody");
        return app;
    }

    private static async Task<Results<Ok<List<IncidentDto>>, ProblemHttpResult>> ListAsync(string? state, int? limit, VigilContext context, CancellationToken cancellationToken)
    {
        if (state is not (null or "open" or "all"))
        {
            return ApiProblems.BadRequest($"state '{state}' is not open or all");
        }

        using var book = new IncidentBook(context);
        var incidents = await book.ListAsync(state == "open", Math.Clamp(limit ?? IncidentBook.DefaultLimit, 1, 1000), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(incidents.Select(IncidentDto.From).ToList());
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> AcknowledgeAsync(string id, AcknowledgeBody? body, VigilContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var book = new IncidentBook(context);
            return TypedResults.Ok(IncidentDto.From(await book.AcknowledgeAsync(id, body?.Note, cancellationToken).ConfigureAwait(false)));
        }
        catch (PipelineException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }
}
