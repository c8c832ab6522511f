using Vigil.Core.Detection;

namespace Vigil.Core.Evaluation;

/// <summary>
/// What an operator feels: incidents, not hours. An incident is a maximal run of consecutive labelled hours among the
/// scored ones; it is caught when any of its hours is flagged. A false-positive hour is a flagged hour nobody labelled.
/// </summary>
public sealed record IncidentMetrics(int Incidents, int Caught, int FalsePositiveHours, int ScoredHours)
{
    /// <summary>A model that flags every scored hour: it catches everything and pages all the time.</summary>
    public static IncidentMetrics FlagEverything(IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents)
    {
        var runs = Runs(hours, incidents);
        return new IncidentMetrics(runs.Count, runs.Count, hours.Count(h => !incidents.Contains(h.Summary.Hour)), hours.Count);
    }

    public static IncidentMetrics Compute(IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents)
    {
        var runs = Runs(hours, incidents);
        return new IncidentMetrics(
            runs.Count,
            runs.Count(run => run.Exists(h => h.IsAnomaly)),
            hours.Count(h => h.IsAnomaly && !incidents.Contains(h.Summary.Hour)),
            hours.Count);
    }

    /// <summary>The scored hours of each incident, in time order: consecutive labelled hours form one incident.</summary>
    public static IReadOnlyList<List<HourDetection>> Runs(IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents)
    {
        var runs = new List<List<HourDetection>>();
        DateTime? previous = null;
        foreach (var h in hours.Where(h => incidents.Contains(h.Summary.Hour)).OrderBy(h => h.Summary.Hour))
        {
            if (previous != h.Summary.Hour.AddHours(-1))
            {
                runs.Add([]);
            }

            runs[^1].Add(h);
            previous = h.Summary.Hour;
        }

        return runs;
    }

    /// <summary>Adds up several evaluations (the scenario set): each keeps its own incidents.</summary>
    public static IncidentMetrics Pool(IEnumerable<IncidentMetrics> parts)
    {
        var all = parts.ToList();
        return new IncidentMetrics(all.Sum(p => p.Incidents), all.Sum(p => p.Caught), all.Sum(p => p.FalsePositiveHours), all.Sum(p => p.ScoredHours));
    }
}
