using Vigil.Core.Detection;
using Vigil.Storage.Incidents;

namespace Vigil.Alerts.Incidents;

/// <summary>
/// Decides, without I/O, what a run's verdicts do to the source's incidents, given its latest one: hours at or before
/// that incident's last hour were already handled and are never handled again; an anomalous hour starting at most one
/// hour plus the cooldown after the open incident's last one joins it (an update), any other opens a new incident (a
/// page); an open incident is resolved once the newest scored hour lies more than the cooldown past its last anomalous
/// hour — from then on no later anomaly could have joined it.
/// An update pages only when it makes the incident worse (a higher severity) and nobody acknowledged it: the same
/// finding seen again hour after hour — a benign new kind that keeps coming — pages once, not every hour.
/// </summary>
public static class IncidentPlanner
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    public static IncidentPlan Plan(string source, IReadOnlyList<HourDetection> scored, IncidentRecord? last, AlertPolicy policy, DateTime now = default, string? modelId = null)
    {
        var alerts = new List<PlannedAlert>();
        var touched = new List<IncidentRecord>();
        var fresh = scored
            .Where(h => h.Alerts && (last is null || h.Summary.Hour > last.LastHour))
            .OrderBy(h => h.Summary.Hour)
            .ToList();

        var open = last is { Resolved: false } ? new Segment(last, IsNew: false) : null;
        foreach (var hour in fresh)
        {
            if (open is not null && hour.Summary.Hour - open.Incident.LastHour <= OneHour + policy.Cooldown)
            {
                var worse = hour.Severity > open.Incident.Severity && !open.Incident.Acknowledged;
                open.Join(hour, now, modelId, worse);
                continue;
            }

            Close(open, alerts, touched, resolve: true, policy, now);
            var incident = new IncidentRecord(IncidentIds.For(source, hour.Summary.Hour), source, hour.Summary.Hour, hour.Summary.Hour, Resolved: false)
            {
                Severity = hour.Severity,
                Hours = 1,
                Summary = hour.Reasons.FirstOrDefault(),
                ModelId = modelId,
                OpenedAt = now,
                UpdatedAt = now,
            };
            open = new Segment(incident, IsNew: true);
            open.Batch.Add(hour);
            open.Pages = true;
        }

        var newest = scored.Count == 0 ? (DateTime?)null : scored.Max(h => h.Summary.Hour);
        Close(open, alerts, touched, resolve: newest - open?.Incident.LastHour > policy.Cooldown, policy, now);
        return new IncidentPlan(alerts, touched);
    }

    /// <summary>Emits the segment's page (if it pages), resolves it when asked, and records the incident as it now stands.</summary>
    private static void Close(Segment? segment, List<PlannedAlert> alerts, List<IncidentRecord> touched, bool resolve, AlertPolicy policy, DateTime now)
    {
        if (segment is null)
        {
            return;
        }

        var incident = segment.Incident;
        if (segment.Pages && segment.Batch.Count > 0)
        {
            alerts.Add(new PlannedAlert(segment.IsNew ? AlertKind.New : AlertKind.Update, incident.Id, incident.FirstHour, incident.LastHour, segment.Batch));
            incident = incident with { Pages = incident.Pages + 1 };
        }

        if (resolve)
        {
            incident = incident with { Resolved = true, ResolvedAt = now, UpdatedAt = now };
            if (policy.SendResolved)
            {
                alerts.Add(new PlannedAlert(AlertKind.Resolved, incident.Id, incident.FirstHour, incident.LastHour, []));
                incident = incident with { Pages = incident.Pages + 1 };
            }
        }

        if (segment.Batch.Count > 0 || resolve)
        {
            touched.Add(incident);
        }
    }

    /// <summary>The incident being built by this run, and the hours it gained.</summary>
    private sealed class Segment(IncidentRecord incident, bool IsNew)
    {
        public IncidentRecord Incident { get; private set; } = incident;

        public bool IsNew { get; } = IsNew;

        public List<HourDetection> Batch { get; } = [];

        public bool Pages { get; set; }

        public void Join(HourDetection hour, DateTime now, string? modelId, bool worse)
        {
            Incident = Incident with
            {
                LastHour = hour.Summary.Hour,
                Hours = Incident.Hours + 1,
                Severity = hour.Severity > Incident.Severity ? hour.Severity : Incident.Severity,
                ModelId = modelId ?? Incident.ModelId,
                UpdatedAt = now,
            };
            Batch.Add(hour);
            Pages |= worse;
        }
    }
}
