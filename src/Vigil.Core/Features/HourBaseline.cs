namespace Vigil.Core.Features;

/// <summary>
/// What one hourly count usually is at this hour of the day on a weekday or a weekend day (48 buckets), learned in
/// training: mean and spread of log(1 + count), the plain mean and the smallest value seen. A busy Monday 09:00 is
/// normal, the same volume on a Sunday 03:00 is not.
/// </summary>
/// <param name="Peak">The largest count of any training hour; null in models trained before it was kept.</param>
public sealed record HourBaseline(double[] LogMean, double[] LogStd, double[] Mean, double[] Min, double? Peak = null)
{
    public const int Buckets = 48;

    /// <summary>Spread in log space below which a deviation means nothing (Poisson noise of a handful of events).</summary>
    private const double MinStd = 0.3;

    /// <summary>Pseudo-hours of the pooled spread mixed into each bucket's own spread: a week has one to five hours per bucket.</summary>
    private const double Shrinkage = 3;

    public static int Bucket(DateTime hour) =>
        (hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 24 : 0) + hour.Hour;

    /// <summary>How many spreads <paramref name="count"/> is above (positive) or below the usual value of its bucket.</summary>
    public double Deviation(int bucket, double count) => (Math.Log(1 + count) - LogMean[bucket]) / LogStd[bucket];

    public static HourBaseline Fit(ReadOnlySpan<int> buckets, ReadOnlySpan<double> counts)
    {
        var n = new int[Buckets];
        var sum = new double[Buckets];
        var sumSquares = new double[Buckets];
        var linear = new double[Buckets];
        var min = new double[Buckets];
        Array.Fill(min, double.MaxValue);
        for (var i = 0; i < counts.Length; i++)
        {
            var b = buckets[i];
            var x = Math.Log(1 + counts[i]);
            n[b]++;
            sum[b] += x;
            sumSquares[b] += x * x;
            linear[b] += counts[i];
            min[b] = Math.Min(min[b], counts[i]);
        }

        var logMean = new double[Buckets];
        var variance = new double[Buckets];
        var mean = new double[Buckets];
        double pooled = 0;
        for (var b = 0; b < Buckets; b++)
        {
            if (n[b] == 0)
            {
                continue;
            }

            logMean[b] = sum[b] / n[b];
            variance[b] = Math.Max(0, (sumSquares[b] / n[b]) - (logMean[b] * logMean[b]));
            mean[b] = linear[b] / n[b];
            pooled += variance[b] * n[b];
        }

        pooled /= Math.Max(1, counts.Length);
        var logStd = new double[Buckets];
        for (var b = 0; b < Buckets; b++)
        {
            logStd[b] = Math.Max(MinStd, Math.Sqrt(((n[b] * variance[b]) + (Shrinkage * pooled)) / (n[b] + Shrinkage)));
        }

        FillEmpty(n, logMean, mean, min);
        var peak = 0.0;
        foreach (var c in counts)
        {
            peak = Math.Max(peak, c);
        }

        return new HourBaseline(logMean, logStd, mean, min, peak);
    }

    /// <summary>A bucket training never saw borrows the same hour of the other day type, else the overall figures.</summary>
    private static void FillEmpty(int[] n, double[] logMean, double[] mean, double[] min)
    {
        var total = 0;
        double logAll = 0, meanAll = 0, minAll = double.MaxValue;
        for (var b = 0; b < Buckets; b++)
        {
            if (n[b] > 0)
            {
                total += n[b];
                logAll += logMean[b] * n[b];
                meanAll += mean[b] * n[b];
                minAll = Math.Min(minAll, min[b]);
            }
        }

        for (var b = 0; b < Buckets; b++)
        {
            if (n[b] > 0)
            {
                continue;
            }

            var twin = (b + 24) % Buckets;
            if (n[twin] > 0)
            {
                (logMean[b], mean[b], min[b]) = (logMean[twin], mean[twin], min[twin]);
            }
            else
            {
                (logMean[b], mean[b], min[b]) = total == 0 ? (0, 0, 0) : (logAll / total, meanAll / total, minAll);
            }
        }
    }
}
