using Vigil.Core.Features;

namespace Vigil.Core.Tests.Features;

public sealed class HourBaselineTests
{
    [Fact]
    public void TheSameCountIsUsualOnAWeekdayMorningAndFarAboveUsualOnAWeekendNight()
    {
        var monday9 = HourBaseline.Bucket(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        var sunday3 = HourBaseline.Bucket(new DateTime(2026, 3, 8, 3, 0, 0, DateTimeKind.Utc));
        int[] buckets = [monday9, monday9, monday9, sunday3, sunday3];
        double[] counts = [100, 110, 90, 5, 6];

        var baseline = HourBaseline.Fit(buckets, counts);

        Assert.True(Math.Abs(baseline.Deviation(monday9, 100)) < 1);
        Assert.True(baseline.Deviation(sunday3, 100) > 5);
        Assert.Equal(5, baseline.Min[sunday3]);
        Assert.Equal(100, baseline.Mean[monday9], 9);
    }

    [Fact]
    public void ABucketTrainingNeverSawBorrowsTheSameHourOfTheOtherDayType()
    {
        var monday9 = HourBaseline.Bucket(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        var saturday9 = HourBaseline.Bucket(new DateTime(2026, 3, 7, 9, 0, 0, DateTimeKind.Utc));

        var baseline = HourBaseline.Fit([monday9, monday9], [40, 60]);

        Assert.Equal(baseline.LogMean[monday9], baseline.LogMean[saturday9]);
        Assert.Equal(50, baseline.Mean[saturday9], 9);
    }
}
