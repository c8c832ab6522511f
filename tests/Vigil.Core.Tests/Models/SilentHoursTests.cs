using Vigil.Core.Detection;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Models;

public sealed class SilentHoursTests
{
    private static readonly DateTime Hour = new(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(168, true)]
    [InlineData(167, true)]
    [InlineData(166, false)]
    [InlineData(156, false)]
    public void AnEmptyHourPagesOnlyWhenTrainingHadAlmostNoEmptyHour(int busyTrainingHours, bool pages)
    {
        IReadOnlyList<HourDetection> hours = [new(new HourlySummary(Hour, 0, 0, 0, 0), 0.1, false), new(new HourlySummary(Hour.AddHours(1), 12, 0, 0, 12), 0.1, false)];

        var judged = SilentHours.Apply(hours, Model(busyTrainingHours));

        Assert.Equal(pages, judged[0].IsAnomaly);
        Assert.False(judged[1].IsAnomaly);
        Assert.Equal(pages, judged[0].Reasons.Any(r => r.StartsWith("no events at all", StringComparison.Ordinal)));
    }

    private static ModelDocument Model(int busy) => new()
    {
        Kind = SeedModel.Kind,
        FeatureNames = [],
        Hyperparameters = new ModelHyperparameters(100, 0.05, 42, 168),
        TrainedAt = Hour,
        TrainingFrom = Hour.AddHours(-168),
        TrainingTo = Hour,
        TrainingHours = 168,
        HoursWithEvents = busy,
        Source = "host:web01/syslog",
        Forest = new ForestData(168, 0, 0, [], [], [], []),
    };
}
