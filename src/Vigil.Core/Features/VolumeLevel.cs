namespace Vigil.Core.Features;

/// <summary>
/// How busy the host has been lately compared with its training week: the median, over the previous day, of
/// (events + 1) / (usual events + 1). Counts are divided by it before scoring, so a slow rise in volume (more users,
/// a new workload) is absorbed over hours while a burst, which barely moves a 24-hour median, still stands out.
/// </summary>
public static class VolumeLevel
{
    public const int History = 24;

    /// <summary>Fewer previous hours than this and the level stays 1: too little to tell drift from noise.</summary>
    public const int MinHistory = 6;

    public const double MaxLevel = 4;

    public static double[] Compute(ReadOnlySpan<int> totals, ReadOnlySpan<int> buckets, HourBaseline baseline)
    {
        var levels = new double[totals.Length];
        var ratios = new double[totals.Length];
        Span<double> window = stackalloc double[History];
        for (var i = 0; i < totals.Length; i++)
        {
            ratios[i] = (totals[i] + 1.0) / (baseline.Mean[buckets[i]] + 1.0);
            // Empty hours say nothing about volume (a silent log is a rule's business) and may just not be collected yet.
            var count = 0;
            for (var h = Math.Max(0, i - History); h < i; h++)
            {
                if (totals[h] > 0)
                {
                    window[count++] = ratios[h];
                }
            }

            if (count < MinHistory)
            {
                levels[i] = 1;
                continue;
            }

            var part = window[..count];
            part.Sort();
            var median = count % 2 == 1 ? part[count / 2] : 0.5 * (part[(count / 2) - 1] + part[count / 2]);
            levels[i] = Math.Clamp(median, 1 / MaxLevel, MaxLevel);
        }

        return levels;
    }
}
