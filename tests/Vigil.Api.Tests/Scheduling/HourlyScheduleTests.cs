using Vigil.Core.Windows;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Api.Tests.Scheduling;

public sealed class HourlyScheduleTests
{
    private static readonly DateTime Day = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(10, 30, 10)]
    [InlineData(11, 0, 10)]
    [InlineData(11, 1, 11)]
    [InlineData(11, 59, 11)]
    public void AnHourIsDueOnceTheOffsetPastItsEndHasPassed(int hour, int minute, int dueUpTo) =>
        Assert.Equal(Day.AddHours(dueUpTo), new HourlySchedule(1, 24).DueUpTo(Day.AddHours(hour).AddMinutes(minute)));

    [Fact]
    public void PendingHoursStartWhereTheLastRunEnded() =>
        Assert.Equal(new HourRange(Day.AddHours(7), Day.AddHours(10)), new HourlySchedule(1, 24).Pending(Day.AddHours(7), Day.AddHours(10)));

    [Fact]
    public void NothingIsPendingWhenTheLastRunCoveredTheDueHour() =>
        Assert.Null(new HourlySchedule(1, 24).Pending(Day.AddHours(10), Day.AddHours(10)));

    [Fact]
    public void ALongGapIsCaughtUpOnlyAsFarAsTheLimit() =>
        Assert.Equal(new HourRange(Day.AddHours(40 - 24), Day.AddHours(40)), new HourlySchedule(1, 24).Pending(Day, Day.AddHours(40)));

    [Fact]
    public void WithNoRunYetTheLimitIsScored() =>
        Assert.Equal(new HourRange(Day.AddHours(6), Day.AddHours(12)), new HourlySchedule(5, 6).Pending(null, Day.AddHours(12)));

    [Fact]
    public void TheNextRunIsTheOffsetPastTheFollowingHour() =>
        Assert.Equal(Day.AddHours(11).AddMinutes(5), new HourlySchedule(5, 24).NextRun(Day.AddHours(10)));
}
