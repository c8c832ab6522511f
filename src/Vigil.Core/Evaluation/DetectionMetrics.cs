using Vigil.Core.Detection;

namespace Vigil.Core.Evaluation;

/// <summary>
/// How well flagged hours match labelled incident hours. Precision is null when nothing was flagged, recall when
/// nothing is labelled, F1 when either is null. Precision@k ranks flagged hours first, then by anomaly score (lower
/// is more abnormal), and counts incident hours among the first k.
/// </summary>
public sealed record DetectionMetrics(int Hours, int Positives, int Flagged, int TruePositives, double? Precision, double? Recall, double? F1, int K, double? PrecisionAtK)
{
    public int FalsePositives => Flagged - TruePositives;

    public int FalseNegatives => Positives - TruePositives;

    /// <param name="hours">The scored hours.</param>
    /// <param name="incidents">The hours labelled 1; every other scored hour counts as normal.</param>
    /// <param name="k">How many top-ranked hours precision@k looks at; default the number of incident hours.</param>
    public static DetectionMetrics Compute(IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents, int? k = null)
    {
        int positives = 0, flagged = 0, truePositives = 0;
        foreach (var h in hours)
        {
            var incident = incidents.Contains(h.Summary.Hour);
            positives += incident ? 1 : 0;
            flagged += h.IsAnomaly ? 1 : 0;
            truePositives += incident && h.IsAnomaly ? 1 : 0;
        }

        var top = Math.Min(k ?? positives, hours.Count);
        double? atK = null;
        if (top > 0)
        {
            var ranked = hours.OrderByDescending(h => h.IsAnomaly).ThenBy(h => h.AnomalyScore).ThenBy(h => h.Summary.Hour).Take(top);
            atK = (double)ranked.Count(h => incidents.Contains(h.Summary.Hour)) / top;
        }

        return FromCounts(hours.Count, positives, flagged, truePositives, top, atK);
    }

    /// <summary>Pools several evaluations (micro average): counts add up, ratios are recomputed; precision@k is averaged over those that have one.</summary>
    public static DetectionMetrics Pool(IReadOnlyCollection<DetectionMetrics> parts)
    {
        var withK = parts.Where(p => p.PrecisionAtK is not null).ToList();
        return FromCounts(
            parts.Sum(p => p.Hours),
            parts.Sum(p => p.Positives),
            parts.Sum(p => p.Flagged),
            parts.Sum(p => p.TruePositives),
            parts.Sum(p => p.K),
            withK.Count == 0 ? null : withK.Average(p => p.PrecisionAtK!.Value));
    }

    private static DetectionMetrics FromCounts(int hours, int positives, int flagged, int truePositives, int k, double? atK)
    {
        double? precision = flagged == 0 ? null : (double)truePositives / flagged;
        double? recall = positives == 0 ? null : (double)truePositives / positives;
        double? f1 = precision is { } p && recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;
        return new DetectionMetrics(hours, positives, flagged, truePositives, precision, recall, f1, k, atK);
    }
}
