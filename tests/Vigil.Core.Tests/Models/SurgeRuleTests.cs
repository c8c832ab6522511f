using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Tests.Support;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Models;

/// <summary>Surges and new errors: what one week of training can and cannot call news.</summary>
public sealed class SurgeRuleTests
{
    private const string Auditing = "Microsoft-Windows-Security-Auditing";
    private static readonly DateTime Week2 = Weeks.Monday.AddDays(7);
    private static readonly DateTime Night = Week2.AddDays(2).AddHours(3);
    private static readonly DateTime TuesdayAfternoon = Weeks.Monday.AddDays(1).AddHours(14);

    // Training saw one burst of 100 audit-setting changes (4907) on Tuesday afternoon and 3 explicit-credential logons (4648) once.
    private static readonly Lazy<VigilModel> Trained = new(() => VigilModel.Train(TrainingWeek(), new IsolationForestOptions(), "test", Week2));

    // The same week with only the two busiest kinds as columns: 4648 has no hour-of-day baseline.
    private static readonly Lazy<VigilModel> TwoColumns = new(() => VigilModel.Train(TrainingWeek(), new IsolationForestOptions(), "test", Week2, topKinds: 2));

    [Fact]
    public void ABurstTheHostHadAtAnotherHourIsNotASurgeAtThisOne()
    {
        var hour = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 90, 4907, Auditing, "Security"));

        Assert.DoesNotContain(DetectionRule.Surge, hour.Rules);
    }

    [Fact]
    public void ABurstFarAboveTheBusiestTrainingHourSurgesAtAnyHour()
    {
        var hour = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 250, 4907, Auditing, "Security"));

        Assert.Contains(DetectionRule.Surge, hour.Rules);
        Assert.Contains(hour.Reasons, r => r.StartsWith($"250 {Auditing}/4907, usually ~", StringComparison.Ordinal) && r.EndsWith(" in any training hour)", StringComparison.Ordinal));
    }

    [Fact]
    public void AKindWithoutItsOwnColumnSurgesFarAboveItsBusiestTrainingHour()
    {
        var burst = ScoreNight(TwoColumns.Value, w => Weeks.Repeat(w, 40, 4648, Auditing, "Security"));
        var few = ScoreNight(TwoColumns.Value, w => Weeks.Repeat(w, 12, 4648, Auditing, "Security"));

        Assert.Contains($"40 {Auditing}/4648, at most 3 in any training hour", burst.Reasons);
        Assert.Contains(DetectionRule.Surge, burst.Rules);
        Assert.DoesNotContain(DetectionRule.Surge, few.Rules);
    }

    [Fact]
    public void ALoneErrorOfANewKindIsANoteAndARepeatedOnePages()
    {
        var lone = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 1, 9000, "Contoso-Agent", "Application", LevelMapping.Error));
        var repeated = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 2, 9000, "Contoso-Agent", "Application", LevelMapping.Error));

        Assert.False(lone.IsAnomaly);
        Assert.Contains("noted: never seen before: Contoso-Agent/9000 x1", lone.Reasons);
        Assert.True(repeated.IsAnomaly);
        Assert.Equal([DetectionRule.NewErrorKind], repeated.Rules);
    }

    private static List<HourWindow> TrainingWeek() => Weeks.Ordinary(Weeks.Monday, 7, seed: 3, w =>
    {
        if (w.Hour == TuesdayAfternoon)
        {
            Weeks.Repeat(w, 100, 4907, Auditing, "Security");
            Weeks.Repeat(w, 3, 4648, Auditing, "Security");
        }
    });

    private static HourDetection ScoreNight(VigilModel model, Action<HourWindow> extra) => Weeks.ScoreHourOfWeek2(model, TrainingWeek(), Night, seed: 4, extra);
}
