using Vigil.Core.Features;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>Learns the vigil model's kinds and baselines from the training hours, and the per-column centre and scale.</summary>
internal static class VigilTraining
{
    /// <summary>A column that never moved in training still needs a scale; in log units this is about a third more events.</summary>
    private const double MinScale = 0.25;

    /// <param name="alsoSeen">Hours that add to the known kinds and their counts only (the top kinds and baselines come from <paramref name="windows"/>).</param>
    public static VigilModelData Learn(IReadOnlyList<HourWindow> windows, int topKinds, IReadOnlyList<HourWindow> alsoSeen)
    {
        var n = windows.Count;
        var buckets = new int[n];
        var volumes = new Dictionary<EventKey, long>();
        var peaks = new Dictionary<EventKey, int>();
        var channels = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            buckets[i] = HourBaseline.Bucket(windows[i].Hour);
            foreach (var (key, tally) in windows[i].Keys)
            {
                volumes[key] = volumes.GetValueOrDefault(key) + tally.Count;
                peaks[key] = Math.Max(peaks.GetValueOrDefault(key), tally.Count);
            }

            channels.UnionWith(windows[i].Channels.Keys);
        }

        var top = volumes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Provider, StringComparer.Ordinal).ThenBy(v => v.Key.EventId)
            .Take(topKinds).Select(v => v.Key).ToArray();
        var channelNames = channels.ToArray();

        // Kinds of the hours left out count as seen; the top kinds stay those of the baseline hours, whose columns they are.
        foreach (var (key, tally) in alsoSeen.SelectMany(w => w.Keys))
        {
            volumes[key] = volumes.GetValueOrDefault(key) + tally.Count;
            peaks[key] = Math.Max(peaks.GetValueOrDefault(key), tally.Count);
        }

        var known = volumes.Keys.OrderBy(k => k.Provider, StringComparer.Ordinal).ThenBy(k => k.EventId).ToArray();

        return new VigilModelData(
            top,
            known,
            Fit(windows, buckets, w => w.Total),
            Fit(windows, buckets, w => w.Errors),
            Fit(windows, buckets, w => w.Warnings),
            Fit(windows, buckets, w => w.Infos),
            Fit(windows, buckets, w => w.AuditFailures),
            [.. top.Select(k => Fit(windows, buckets, w => w.Keys.TryGetValue(k, out var t) ? t.Count : 0))],
            channelNames,
            [.. channelNames.Select(c => Fit(windows, buckets, w => w.Channels.GetValueOrDefault(c)))],
            [],
            [],
            double.NegativeInfinity,
            new VigilRuleSettings())
        {
            KnownCounts = [.. known.Select(k => volumes[k])],
            KnownPeaks = [.. known.Select(k => peaks[k])],
        };
    }

    public static double[] Medians(Features.FeatureMatrix x)
    {
        var medians = new double[x.Columns];
        var column = new double[x.Rows];
        for (var j = 0; j < x.Columns; j++)
        {
            Column(x, j, column);
            medians[j] = Median(column);
        }

        return medians;
    }

    /// <summary>A robust spread per column: 1.4826 x the median absolute deviation, or half the standard deviation when larger.</summary>
    public static double[] Scales(Features.FeatureMatrix x)
    {
        var scales = new double[x.Columns];
        var column = new double[x.Rows];
        for (var j = 0; j < x.Columns; j++)
        {
            Column(x, j, column);
            var median = Median(column);
            double sum = 0, sumSquares = 0;
            foreach (var v in column)
            {
                sum += v;
                sumSquares += v * v;
            }

            var mean = sum / column.Length;
            var std = Math.Sqrt(Math.Max(0, (sumSquares / column.Length) - (mean * mean)));
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = Math.Abs(column[i] - median);
            }

            scales[j] = Math.Max(MinScale, Math.Max(1.4826 * Median(column), 0.5 * std));
        }

        return scales;
    }

    private static HourBaseline Fit(IReadOnlyList<HourWindow> windows, int[] buckets, Func<HourWindow, int> count)
    {
        var counts = new double[windows.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = count(windows[i]);
        }

        return HourBaseline.Fit(buckets, counts);
    }

    private static void Column(Features.FeatureMatrix x, int j, double[] into)
    {
        for (var i = 0; i < x.Rows; i++)
        {
            into[i] = x[i, j];
        }
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
    }
}
