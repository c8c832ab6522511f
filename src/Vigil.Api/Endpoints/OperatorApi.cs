using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Api.Contracts;
using Vigil.Api.Errors;
using Vigil.Core.Windows;
using Vigil.Pipeline;
using Vigil.Pipeline.Operator;

namespace Vigil.Api.Endpoints;

/// <summary>
/// What the operator tells Vigil, as <c>vigil maintenance</c> and <c>vigil accept</c> do: <c>/maintenance</c> windows
/// (scored, never alerted), <c>/accepted</c> kinds (no longer new or surging) and <c>/feedback</c> false alarms (the
/// hour joins the next training). Behind the API key like every data endpoint.
/// </summary>
internal static class OperatorApi
{
    public static IEndpointRouteBuilder MapOperator(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Operator");
        group.MapGet("/maintenance", ListMaintenanceAsync).WithSummary("Maintenance windows, earliest first");
        group.MapPost("/maintenance", AddMaintenanceAsync).WithSummary("Declare a maintenance window {from, to, reason, host}");
        group.MapDelete("/maintenance/{id:long}", RemoveMaintenanceAsync).WithSummary("Remove a maintenance window");
        group.MapGet("/accepted", ListAcceptedAsync).WithSummary("Kinds accepted as normal");
        group.MapPost("/accepted", AcceptAsync).WithSummary("Accept a kind as normal {kind}");
        group.MapDelete("/accepted", RemoveAcceptedAsync).WithSummary("Stop accepting ?kind=Provider/EventId");
        group.MapGet("/feedback", ListFalseAlarmsAsync).WithSummary("Hours the operator called false alarms");
        group.MapPost("/feedback", AddFalseAlarmAsync).WithSummary("Call an hour's page a false alarm {hour, note, host}, as vigil feedback --false-alarm [--host]");
        return app;
    }

    private static async Task<Ok<List<object>>> ListMaintenanceAsync(VigilContext context, CancellationToken cancellationToken)
    {
        using var actions = new OperatorActions(context);
        var windows = await actions.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(windows.Select(Window).ToList());
    }

    private static async Task<Results<Created<object>, ProblemHttpResult>> AddMaintenanceAsync(MaintenanceBody? body, VigilContext context, CancellationToken cancellationToken)
    {
        if (body?.From is null || body.To is null)
        {
            return ApiProblems.BadRequest("Send {\"from\": ISO 8601, \"to\": ISO 8601, \"reason\": optional text, \"host\": optional host name (none: every host)}.");
        }

        try
        {
            using var actions = new OperatorActions(context);
            var window = await actions.AddMaintenanceAsync(body.From, body.To, body.Reason, body.Host, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/maintenance/{window.Id}", Window(window));
        }
        catch (PipelineException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMaintenanceAsync(long id, VigilContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var actions = new OperatorActions(context);
            await actions.RemoveMaintenanceAsync(id, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (PipelineException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }

    private static async Task<Ok<List<object>>> ListAcceptedAsync(VigilContext context, CancellationToken cancellationToken)
    {
        using var actions = new OperatorActions(context);
        var kinds = await actions.ListAcceptedAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(kinds.Select(k => (object)new { kind = k.Kind, accepted_at = k.AcceptedAt }).ToList());
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> AcceptAsync(AcceptBody? body, VigilContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var actions = new OperatorActions(context);
            var kind = await actions.AcceptAsync(body?.Kind ?? string.Empty, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok((object)new { kind, accepted = true });
        }
        catch (PipelineException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAcceptedAsync(string? kind, VigilContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var actions = new OperatorActions(context);
            await actions.RemoveAcceptedAsync(kind ?? string.Empty, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (PipelineException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }

    private static async Task<Ok<List<object>>> ListFalseAlarmsAsync(VigilContext context, CancellationToken cancellationToken)
    {
        using var actions = new OperatorActions(context);
        var alarms = await actions.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(alarms.Select(a => (object)new { hour_timestamp = HourlySummary.FormatHour(a.Hour), host = a.Host, note = a.Note, added_at = a.AddedAt }).ToList());
    }

    private static async Task<Results<Created<object>, ProblemHttpResult>> AddFalseAlarmAsync(FeedbackBody? body, VigilContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Hour))
        {
            return ApiProblems.BadRequest("Send {\"hour\": \"YYYY-MM-DD HH:00:00\", \"note\": optional text, \"host\": optional host name (none: every host)}.");
        }

        try
        {
            using var actions = new OperatorActions(context);
            var (hour, host) = await actions.AddFalseAlarmAsync(body.Hour, body.Host, body.Note, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created("/feedback", (object)new { hour_timestamp = HourlySummary.FormatHour(hour), host, false_alarm = true });
        }
        catch (PipelineException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    private static object Window(Core.Rules.MaintenanceWindow w) => new { id = w.Id, from = w.From, to = w.To, reason = w.Reason, host = w.Host };
}
