using Vigil.Collectors.Demo;
using Vigil.Core.Events;
using Vigil.Core.Windows;

namespace Vigil.Collectors.Tests.Demo;

public sealed class DemoEventGeneratorTests
{
    [Fact]
    public void TheSameSeedGivesTheSameEvents()
    {
        var first = DemoEvents.All().ToList();
        var second = DemoEvents.All().ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheWeekHasADayNightRhythmAndTheIncidentHoursStandOut()
    {
        var range = new HourRange(DemoScenario.Start, DemoScenario.End);
        var hours = HourWindowBuilder.Build(DemoEvents.All(), range).Select(w => w.Summary).ToList();
        double Mean(Func<HourlySummary, bool> which, Func<HourlySummary, int> value) => hours.Where(which).Average(value);
        bool Training(HourlySummary h) => h.Hour < DemoScenario.TrainingEnd;

        var weekdayDay = Mean(h => Training(h) && h.Hour.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && h.Hour.Hour is >= 9 and < 17, h => h.TotalEvents);
        var night = Mean(h => Training(h) && h.Hour.Hour is >= 0 and < 5, h => h.TotalEvents);
        var incidentErrors = Mean(h => DemoScenario.IncidentHours.Contains(h.Hour), h => h.ErrorCount);
        var maxTrainingErrors = hours.Where(Training).Max(h => h.ErrorCount);

        Assert.True(weekdayDay > 2.5 * night, $"weekday daytime {weekdayDay:0.0}/h vs night {night:0.0}/h");
        Assert.True(incidentErrors > 10 * Math.Max(1, maxTrainingErrors), $"incident {incidentErrors:0.0} errors/h vs training max {maxTrainingErrors}");
    }

    [Fact]
    public void TheLogLooksLikeAWindowsSystemLog()
    {
        var events = DemoEvents.All().ToList();

        Assert.All(events, e => Assert.Equal("System", e.Channel));
        Assert.Contains(events, e => e.Provider == "Service Control Manager" && e.EventId == 7036);
        Assert.Contains(events, e => e.Provider == "EventLog" && e.EventId == 6013);
        Assert.Contains(events, e => e.Provider == "Microsoft-Windows-DistributedCOM" && e.EventId == 10016 && e.Severity == Severity.Warning);
        Assert.Contains(events, e => e.EventId == 7034 && e.Severity == Severity.Error);
        Assert.Equal(events.Count, events.Select(e => e.RecordKey).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.TimeCreated <= p.Second.TimeCreated), "events are in time order");
    }
}
