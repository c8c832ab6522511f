using Vigil.Core.Detection;
using Vigil.Core.Evaluation;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Evaluation;

public sealed class DetectionMetricsTests
{
    private static readonly DateTime H0 = new(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc);

    private static HourDetection Hour(int offset, double score, bool flagged) =>
        new(new HourlySummary(H0.AddHours(offset), 10, 0, 0, 10), score, flagged);

    [Fact]
    public void PrecisionRecallAndF1CountFlaggedIncidentHours()
    {
        var hours = new[] { Hour(0, -0.7, true), Hour(1, -0.6, true), Hour(2, -0.4, false), Hour(3, -0.65, true), Hour(4, -0.3, false) };

        var m = DetectionMetrics.Compute(hours, new HashSet<DateTime> { H0, H0.AddHours(2) });

        Assert.Equal((2, 3, 1), (m.Positives, m.Flagged, m.TruePositives));
        Assert.Equal(1.0 / 3, m.Precision!.Value, 9);
        Assert.Equal(0.5, m.Recall!.Value, 9);
        Assert.Equal(0.4, m.F1!.Value, 9);
    }

    [Fact]
    public void PrecisionAtKRanksFlaggedHoursFirstThenTheLowestScores()
    {
        // Hour 2 has the lowest score but was not flagged: the two flagged hours come first.
        var hours = new[] { Hour(0, -0.55, true), Hour(1, -0.6, true), Hour(2, -0.9, false), Hour(3, -0.3, false) };

        var m = DetectionMetrics.Compute(hours, new HashSet<DateTime> { H0.AddHours(1), H0.AddHours(2) }, k: 1);

        Assert.Equal(1, m.K);
        Assert.Equal(1.0, m.PrecisionAtK);
        Assert.Equal(0.5, DetectionMetrics.Compute(hours, new HashSet<DateTime> { H0.AddHours(1), H0.AddHours(2) }).PrecisionAtK);
    }

    [Fact]
    public void WhenNothingIsFlaggedPrecisionAndF1AreUndefinedAndRecallIsZero()
    {
        var m = DetectionMetrics.Compute([Hour(0, -0.4, false), Hour(1, -0.4, false)], new HashSet<DateTime> { H0 });

        Assert.Null(m.Precision);
        Assert.Equal(0.0, m.Recall);
        Assert.Null(m.F1);
    }

    [Fact]
    public void PoolingAddsTheCountsAndRecomputesTheRatios()
    {
        var a = DetectionMetrics.Compute([Hour(0, -0.7, true), Hour(1, -0.4, true)], new HashSet<DateTime> { H0 });
        var b = DetectionMetrics.Compute([Hour(0, -0.7, false), Hour(1, -0.4, false)], new HashSet<DateTime> { H0 });

        var pooled = DetectionMetrics.Pool([a, b]);

        Assert.Equal((4, 2, 2, 1), (pooled.Hours, pooled.Positives, pooled.Flagged, pooled.TruePositives));
        Assert.Equal(0.5, pooled.Precision);
        Assert.Equal(0.5, pooled.Recall);
    }
}
