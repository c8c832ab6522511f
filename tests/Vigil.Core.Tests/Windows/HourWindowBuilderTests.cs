using Vigil.Core.Events;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Windows;

public sealed class HourWindowBuilderTests
{
    private static readonly DateTime Midnight = new(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<HourlySummary> Summaries(IEnumerable<LogEvent> events, HourRange range) =>
        [.. HourWindowBuilder.Build(events, range).Select(w => w.Summary)];

    private static LogEvent At(DateTime time, int level) => new(time, level, 7036, "Service Control Manager", "System", "host", null, time.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + level);

    [Fact]
    public void EveryHourOfTheRangeIsARowEvenWhenNothingHappened()
    {
        var range = new HourRange(Midnight, Midnight.AddHours(4));

        var rows = Summaries([At(Midnight.AddHours(2).AddMinutes(5), LevelMapping.Error)], range);

        Assert.Equal(4, rows.Count);
        Assert.Equal(["2026-03-29 00:00:00", "2026-03-29 01:00:00", "2026-03-29 02:00:00", "2026-03-29 03:00:00"], rows.Select(r => r.HourTimestamp));
        Assert.Equal([0, 0, 1, 0], rows.Select(r => r.TotalEvents));
        Assert.Equal(0.0, rows[0].ErrorRate);
        Assert.Equal(1.0, rows[2].ErrorRate);
    }

    [Fact]
    public void AnEventExactlyOnTheHourBelongsToThatHourAndTheLastTickToThePreviousOne()
    {
        var range = new HourRange(Midnight, Midnight.AddHours(2));

        var rows = Summaries(
            [At(Midnight.AddHours(1), LevelMapping.Warning), At(Midnight.AddHours(1).AddTicks(-1), LevelMapping.Information)],
            range);

        Assert.Equal((0, 0, 1), (rows[0].ErrorCount, rows[0].WarningCount, rows[0].InfoCount));
        Assert.Equal((0, 1, 0), (rows[1].ErrorCount, rows[1].WarningCount, rows[1].InfoCount));
    }

    [Fact]
    public void EventsOutsideTheRangeAreNotCounted()
    {
        var range = new HourRange(Midnight, Midnight.AddHours(1));
        var aggregator = new HourWindowBuilder(range);

        Assert.False(aggregator.Add(At(Midnight.AddHours(1), LevelMapping.Error)));
        Assert.False(aggregator.Add(At(Midnight.AddTicks(-1), LevelMapping.Error)));
        Assert.Equal(0, aggregator.Windows[0].Summary.TotalEvents);
    }

    [Fact]
    public void UtcHoursIgnoreDaylightSavingChanges()
    {
        // 2026-03-29 01:00 UTC is when Europe springs forward; UTC hours stay 24 a day.
        var range = new HourRange(Midnight, Midnight.AddDays(1));

        Assert.Equal(24, range.Hours);
        Assert.Equal(24, Summaries([], range).Count);
    }

    [Fact]
    public void TotalIsTheSumOfTheThreeClassesAndErrorRateTheirShare()
    {
        var range = new HourRange(Midnight, Midnight.AddHours(1));
        var levels = new[] { LevelMapping.Critical, LevelMapping.Error, LevelMapping.Warning, LevelMapping.Information, LevelMapping.Verbose, LevelMapping.LogAlways };

        var row = Summaries(levels.Select((l, i) => At(Midnight.AddMinutes(i), l)), range)[0];

        Assert.Equal((6, 2, 1, 3), (row.TotalEvents, row.ErrorCount, row.WarningCount, row.InfoCount));
        Assert.Equal(2.0 / 6, row.ErrorRate, 12);
    }

    [Fact]
    public async Task HourWindowsStreamOnlyTheHoursThatHaveEventsInTimeOrder()
    {
        var events = new[] { At(Midnight.AddMinutes(5), LevelMapping.Error), At(Midnight.AddMinutes(6), LevelMapping.Warning), At(Midnight.AddHours(5), LevelMapping.Information) };

        var windows = await HourWindowBuilder.StreamAsync(events.ToAsyncEnumerable()).ToListAsync();

        Assert.Equal([Midnight, Midnight.AddHours(5)], windows.Select(w => w.Hour));
        Assert.Equal([2, 1], windows.Select(w => w.Total));
    }
}
