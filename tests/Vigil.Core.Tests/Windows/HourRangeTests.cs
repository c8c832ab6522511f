using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Windows;

public sealed class HourRangeTests
{
    [Fact]
    public void TheLastRepresentableInstantEndsTheRangeAtTheLastWholeHourInsteadOfOverflowing()
    {
        var range = HourRange.Ending(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), 24);

        Assert.Equal(new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc), range.End);
        Assert.Equal(24, range.Hours);
    }

    [Fact]
    public void ARangeReachingBeforeTheFirstRepresentableHourStartsThere()
    {
        var range = HourRange.Ending(new DateTime(1, 1, 1, 2, 30, 0, DateTimeKind.Utc), 168);

        Assert.Equal(DateTime.MinValue, range.Start);
        Assert.Equal(3, range.Hours);
    }
}
