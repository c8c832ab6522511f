using Vigil.Alerts.Delivery;
using Vigil.Core.Detection;
using Vigil.Storage.Outbox;

namespace Vigil.Alerts.Incidents;

/// <summary>
/// Turns a run's verdicts into outbox entries, one per planned alert and channel, for
/// <c>IEventStore.FinishRunAsync(..., alerts, ...)</c> to commit with the run.
/// </summary>
public static class OutboxPlanner
{
    /// <param name="source">The source spec, the key incidents are tracked by.</param>
    /// <param name="host">The host named in messages.</param>
    /// <param name="scored">All hours the run scored (normal ones too: they resolve incidents).</param>
    /// <param name="last">From <see cref="IAlertOutbox.GetLatestIncidentAsync"/>.</param>
    /// <param name="policy">Cooldown and resolution.</param>
    /// <param name="channels">The names of the enabled channels.</param>
    /// <param name="detectedAt">When the run scored (UTC).</param>
    /// <param name="dashboardUrl">Config <c>[alerts] public_url</c>, or null.</param>
    /// <param name="modelId">The model that scored the hours, named in every alert.</param>
    public static IReadOnlyList<OutboxEntry> Plan(
        string source,
        string host,
        IReadOnlyList<HourDetection> scored,
        OutboxIncident? last,
        AlertPolicy policy,
        IReadOnlyCollection<string> channels,
        DateTime detectedAt,
        string? dashboardUrl,
        string? modelId = null)
    {
        var entries = new List<OutboxEntry>();
        foreach (var plan in IncidentPlanner.Plan(source, scored, last, policy))
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
