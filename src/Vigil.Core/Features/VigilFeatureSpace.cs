using Vigil.Core.Models;
using Vigil.Core.Rules;
using Vigil.Core.Windows;

namespace Vigil.Core.Features;

/// <summary>
/// Turns an hour into the vigil model's row: the seed's counts on a log scale, their deviation from the hour's
/// baseline, never-seen kinds, other kinds, distinct providers, audit failures, and a count and deviation per top kind.
/// Counts are divided by the recent <see cref="VolumeLevel"/> first. Filling a row allocates nothing.
/// </summary>
public sealed class VigilFeatureSpace
{
    public const int LogTotal = 0;
    public const int LogNew = 9;
    public const int NewKinds = 10;
    public const int AuditFailures = 13;
    public const int MaxKindDeviation = 15;

    private static readonly string[] FixedNames =
    [
        "log_total", "log_errors", "log_warnings", "log_info", "error_rate",
        "dev_total", "dev_errors", "dev_warnings", "dev_info",
        "log_new_kind_events", "new_kinds", "log_other_kind_events", "distinct_providers",
        "log_audit_failures", "dev_audit_failures", "max_kind_dev",
    ];

    private readonly VigilModelData _data;
    private readonly Dictionary<EventKey, int> _top = [];
    private readonly HashSet<EventKey> _known;
    private readonly Dictionary<EventKey, long>? _counts;
    private readonly Dictionary<EventKey, int>? _peaks;
    private readonly AcceptedKinds _accepted;

    /// <param name="accepted">Kinds the operator accepted as normal: counted as known, and never as surging.</param>
    public VigilFeatureSpace(VigilModelData data, AcceptedKinds? accepted = null)
    {
        _data = data;
        _accepted = accepted ?? AcceptedKinds.None;
        if (data.KnownCounts is { } counts && counts.Length == data.KnownKinds.Length)
        {
            _counts = [];
            for (var k = 0; k < counts.Length; k++)
            {
                _counts[data.KnownKinds[k]] = counts[k];
            }
        }

        if (data.KnownPeaks is { } peaks && peaks.Length == data.KnownKinds.Length)
        {
            _peaks = [];
            for (var k = 0; k < peaks.Length; k++)
            {
                _peaks[data.KnownKinds[k]] = peaks[k];
            }
        }

        for (var k = 0; k < data.TopKinds.Length; k++)
        {
            _top[data.TopKinds[k]] = k;
        }

        _known = [.. data.KnownKinds];
        Names = Describe(data.TopKinds);
    }

    public string[] Names { get; }

    public int Columns => Names.Length;

    public static string[] Describe(EventKey[] topKinds)
    {
        var names = new string[FixedNames.Length + (2 * topKinds.Length)];
        FixedNames.CopyTo(names, 0);
        for (var k = 0; k < topKinds.Length; k++)
        {
            names[FixedNames.Length + k] = $"count:{topKinds[k]}";
            names[FixedNames.Length + topKinds.Length + k] = $"dev:{topKinds[k]}";
        }

        return names;
    }

    /// <summary>The largest absolute deviation of the row's counts from their hour-of-week baselines, in spreads.</summary>
    public static double MaxBaselineDeviation(ReadOnlySpan<double> row)
    {
        var max = 0.0;
        for (var j = 5; j <= 8; j++)
        {
            max = Math.Max(max, Math.Abs(row[j]));
        }

        return Math.Max(max, Math.Max(Math.Abs(row[14]), row[MaxKindDeviation]));
    }

    public bool IsKnown(EventKey key) => _known.Contains(key) || _accepted.Contains(key);

    public bool IsAccepted(EventKey key) => _accepted.Contains(key);

    /// <summary>How many events of the kind training saw: 0 for a never-seen kind, -1 when known but the model kept no counts.</summary>
    public long TrainingCount(EventKey key) => _counts is not null ? _counts.GetValueOrDefault(key) : (_known.Contains(key) ? -1 : 0);

    /// <summary>The most events of the kind in one training hour; null for a never-seen kind or a model that kept no peaks.</summary>
    public int? TrainingPeak(EventKey key) => _peaks is not null && _peaks.TryGetValue(key, out var peak) ? peak : null;

    /// <summary>The column of a top kind's count, or -1.</summary>
    public int TopIndex(EventKey key) => _top.TryGetValue(key, out var k) ? k : -1;

    public FeatureMatrix Build(IReadOnlyList<HourWindow> windows, ReadOnlySpan<double> levels, int first)
    {
        var x = new FeatureMatrix(windows.Count - first, Columns);
        for (var i = first; i < windows.Count; i++)
        {
            Fill(windows[i], levels[i], x.MutableRow(i - first));
        }

        return x;
    }

    public void Fill(HourWindow w, double level, Span<double> row)
    {
        var bucket = HourBaseline.Bucket(w.Hour);
        var scale = 1 / level;
        double total = w.Total * scale, errors = w.Errors * scale, warnings = w.Warnings * scale, infos = w.Infos * scale;
        row[0] = Math.Log(1 + total);
        row[1] = Math.Log(1 + errors);
        row[2] = Math.Log(1 + warnings);
        row[3] = Math.Log(1 + infos);
        row[4] = w.Total == 0 ? 0 : (double)w.Errors / w.Total;
        row[5] = _data.Total.Deviation(bucket, total);
        row[6] = _data.Errors.Deviation(bucket, errors);
        row[7] = _data.Warnings.Deviation(bucket, warnings);
        row[8] = _data.Infos.Deviation(bucket, infos);

        var top = _data.TopKinds.Length;
        var counts = row.Slice(FixedNames.Length, top);
        counts.Clear();
        double newEvents = 0, newKinds = 0, other = 0;
        foreach (var (key, tally) in w.Keys)
        {
            if (_top.TryGetValue(key, out var k))
            {
                counts[k] = tally.Count * scale;
            }
            else if (IsKnown(key))
            {
                other += tally.Count * scale;
            }
            else
            {
                newEvents += tally.Count;
                newKinds++;
            }
        }

        row[9] = Math.Log(1 + newEvents);
        row[10] = newKinds;
        row[11] = Math.Log(1 + other);
        row[12] = w.DistinctProviders;
        var audit = w.AuditFailures * scale;
        row[13] = Math.Log(1 + audit);
        row[14] = _data.AuditFailures.Deviation(bucket, audit);

        var deviations = row.Slice(FixedNames.Length + top, top);
        var max = top == 0 ? 0 : double.MinValue;
        for (var k = 0; k < top; k++)
        {
            deviations[k] = _data.KindBaselines[k].Deviation(bucket, counts[k]);
            if (deviations[k] > 0 && !_accepted.IsEmpty && _accepted.Contains(_data.TopKinds[k]))
            {
                // An accepted kind may be as busy as it likes: it neither surges nor confirms the forest.
                deviations[k] = 0;
                counts[k] = Math.Min(counts[k], _data.KindBaselines[k].Mean[bucket]);
            }

            max = Math.Max(max, deviations[k]);
            counts[k] = Math.Log(1 + counts[k]);
        }

        row[MaxKindDeviation] = max;
    }
}
