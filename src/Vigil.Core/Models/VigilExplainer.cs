using System.Globalization;
using Vigil.Core.Features;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>
/// Says why an hour was flagged: the features furthest from training, the kinds that are new or far above their
/// usual count at this hour, and three sample messages. Only flagged hours are explained, so this may allocate.
/// </summary>
internal static class VigilExplainer
{
    private const int TopFeatures = 3;
    private const int TopKinds = 5;
    private const int Samples = 3;
    private const int SampleLength = 200;
    private const double NotableDeviation = 3;

    /// <param name="reasons">Gains the operator's lines: counts against what is usual at this hour, new kinds, samples.</param>
    /// <param name="details">Gains the internals: the features furthest from training, in spreads.</param>
    public static void Explain(HourWindow w, ReadOnlySpan<double> row, ReadOnlySpan<double> z, VigilFeatureSpace space, VigilModelData data, double level, List<string> reasons, List<string> details)
    {
        AddFeatures(row, z, space, details);

        var bucket = HourBaseline.Bucket(w.Hour);
        var kinds = w.Keys.OrderByDescending(k => k.Value.Count).ThenBy(k => k.Key.ToString(), StringComparer.Ordinal).ToList();
        var notable = new List<KeyValuePair<EventKey, KeyTally>>();
        foreach (var kind in kinds.Where(k => !space.IsKnown(k.Key)).Take(TopKinds))
        {
            reasons.Add($"new kind {kind.Key}: {kind.Value.Count} event{(kind.Value.Count == 1 ? string.Empty : "s")}, never seen in training");
            notable.Add(kind);
        }

        foreach (var kind in kinds)
        {
            var k = space.TopIndex(kind.Key);
            if (k < 0 || notable.Count >= 2 * TopKinds)
            {
                continue;
            }

            var baseline = data.KindBaselines[k];
            if (kind.Value.Count >= 3 && baseline.Deviation(bucket, kind.Value.Count / level) >= NotableDeviation)
            {
                reasons.Add($"{kind.Key}: {kind.Value.Count} events, usually ~{Number(baseline.Mean[bucket] * level)} at this hour");
                notable.Add(kind);
            }
        }

        if (w.AuditFailures > 0 && data.AuditFailures.Deviation(bucket, w.AuditFailures / level) >= NotableDeviation)
        {
            reasons.Add($"{w.AuditFailures} failed logons / credential checks, usually ~{Number(data.AuditFailures.Mean[bucket] * level)} at this hour");
        }

        var shown = 0;
        foreach (var kind in notable.Concat(kinds))
        {
            if (shown == Samples)
            {
                break;
            }

            if (kind.Value.Sample is { Length: > 0 } sample && !reasons.Contains(SampleLine(kind.Key, sample)))
            {
                reasons.Add(SampleLine(kind.Key, sample));
                shown++;
            }
        }
    }

    private static void AddFeatures(ReadOnlySpan<double> row, ReadOnlySpan<double> z, VigilFeatureSpace space, List<string> details)
    {
        Span<int> best = stackalloc int[TopFeatures];
        best.Fill(-1);
        for (var j = 0; j < z.Length; j++)
        {
            for (var r = 0; r < TopFeatures; r++)
            {
                if (best[r] < 0 || Math.Abs(z[j]) > Math.Abs(z[best[r]]))
                {
                    best.Slice(r, TopFeatures - r - 1).CopyTo(best[(r + 1)..]);
                    best[r] = j;
                    break;
                }
            }
        }

        foreach (var j in best)
        {
            if (j >= 0 && Math.Abs(z[j]) >= 2)
            {
                details.Add($"feature {space.Names[j]} = {Display(space.Names[j], row[j])} ({z[j].ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} spreads from training)");
            }
        }
    }

    private static string Display(string name, double value) =>
        name.StartsWith("log_", StringComparison.Ordinal) || name.StartsWith("count:", StringComparison.Ordinal)
            ? Number(Math.Exp(value) - 1)
            : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);

    private static string SampleLine(EventKey key, string message) =>
        $"sample {key}: {(message.Length > SampleLength ? message[..SampleLength] + "..." : message)}".ReplaceLineEndings(" ");
}
