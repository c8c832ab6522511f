using Vigil.Alerts.Delivery;
using Vigil.Storage.Outbox;

namespace Vigil.Alerts.Incidents;

/// <summary>
/// Turns the messages an <see cref="IncidentPlan"/> calls for into outbox entries, one per message and channel, for
/// <c>IEventStore.FinishRunAsync(..., alerts, ...)</c> to commit with the run.
/// </summary>
public static class OutboxPlanner
{
    /// <param name="source">The source spec, the key incidents are tracked by.</param>
    /// <param name="host">The host named in messages.</param>
    /// <param name="alerts">From <see cref="IncidentPlanner.Plan"/>.</param>
    /// <param name="channels">The names of the enabled channels.</param>
    /// <param name="detectedAt">When the run scored (UTC).</param>
    /// <param name="dashboardUrl">Config <c>[alerts] public_url</c>, or null.</param>
    /// <param name="modelId">The model that scored the hours, named in every alert.</param>
    public static IReadOnlyList<OutboxEntry> Entries(
        string source,
        string host,
        IReadOnlyList<PlannedAlert> alerts,
        IReadOnlyCollection<string> channels,
        DateTime detectedAt,
        string? dashboardUrl,
        string? modelId = null)
    {
        var entries = new List<OutboxEntry>();
        foreach (var plan in alerts)
        {
            var alert = new Alert(source, host, plan.Hours, detectedAt)
            {
                Kind = plan.Kind,
                IncidentId = plan.IncidentId,
                DashboardUrl = dashboardUrl,
                ModelId = plan.Kind == AlertKind.Resolved ? null : modelId,
            };
            var payload = AlertPayload.Serialize(alert);
            entries.AddRange(channels.Select(channel =>
                new OutboxEntry(channel, source, plan.IncidentId, plan.Kind.ToString().ToLowerInvariant(), plan.FirstHour, plan.LastHour, payload)));
        }

        return entries;
    }
}
