using Vigil.Core.Detection;
using Vigil.Storage.Outbox;

namespace Vigil.Alerts.Incidents;

/// <summary>
/// Decides, without I/O, what a run's verdicts call for, given the last incident alerted for the source:
/// hours at or before that incident's last hour were already alerted and are never alerted again; an anomalous hour
/// starting at most one hour plus the cooldown after the incident's last one joins it (an update), any other opens a
/// new incident; an open incident is resolved once the newest scored hour lies more than the cooldown past its last
/// anomalous hour — from then on no later anomaly could have joined it.
/// </summary>
public static class IncidentPlanner
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    public static IReadOnlyList<PlannedAlert> Plan(string source, IReadOnlyList<HourDetection> scored, OutboxIncident? last, AlertPolicy policy)
    {
        var plans = new List<PlannedAlert>();
        var fresh = scored
            .Where(h => h.Alerts && (last is null || h.Summary.Hour > last.LastHour))
            .OrderBy(h => h.Summary.Hour)
            .ToList();

        var open = last is { Resolved: false } ? new Open(last.IncidentId, last.FirstHour, last.LastHour, IsNew: false) : null;
        var batch = new List<HourDetection>();
        foreach (var hour in fresh)
        {
            if (open is not null && hour.Summary.Hour - open.LastHour <= OneHour + policy.Cooldown)
            {
                open = open with { LastHour = hour.Summary.Hour };
                batch.Add(hour);
                continue;
            }

            Flush(plans, open, batch);
            Resolve(plans, open, policy);
            open = new Open(IncidentIds.For(source, hour.Summary.Hour), hour.Summary.Hour, hour.Summary.Hour, IsNew: true);
            batch = [hour];
        }

        Flush(plans, open, batch);

        var newest = scored.Count == 0 ? (DateTime?)null : scored.Max(h => h.Summary.Hour);
        if (newest - open?.LastHour > policy.Cooldown)
        {
            Resolve(plans, open, policy);
        }

        return plans;
    }

    private static void Resolve(List<PlannedAlert> plans, Open? open, AlertPolicy policy)
    {
        if (policy.SendResolved && open is not null)
        {
            plans.Add(new PlannedAlert(AlertKind.Resolved, open.Id, open.FirstHour, open.LastHour, []));
        }
    }

    private static void Flush(List<PlannedAlert> plans, Open? open, List<HourDetection> batch)
    {
        if (open is not null && batch.Count > 0)
        {
            plans.Add(new PlannedAlert(open.IsNew ? AlertKind.New : AlertKind.Update, open.Id, open.FirstHour, open.LastHour, batch));
        }
    }

    private sealed record Open(string Id, DateTime FirstHour, DateTime LastHour, bool IsNew);
}
