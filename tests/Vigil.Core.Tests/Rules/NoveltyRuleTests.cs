using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Rules;
using Vigil.Core.Tests.Support;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Rules;

/// <summary>Never-seen and rare kinds, graded by the catalogue: what pages, what is only noted, what the operator accepted.</summary>
public sealed class NoveltyRuleTests
{
    private static readonly DateTime Week2 = Weeks.Monday.AddDays(7);
    private static readonly DateTime Night = Week2.AddDays(2).AddHours(3);

    // Training saw two account creations (Tuesday and Thursday afternoons): a rare kind.
    private static readonly Lazy<VigilModel> Trained = new(() => VigilModel.Train(TrainingWeek(), new IsolationForestOptions(), "test", Week2));

    [Fact]
    public void ASingleNeverSeenHarmlessEventIsNotedButPagesNobody()
    {
        var hour = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 1, 1001, "Contoso-Backup", "Application"));

        Assert.False(hour.IsAnomaly);
        Assert.Contains("noted: never seen before: Contoso-Backup/1001 x1", hour.Reasons);
    }

    [Fact]
    public void ASingleNeverSeenServiceInstallPagesHighWithItsMeaning()
    {
        var hour = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 1, 7045, "Service Control Manager", "System"));

        Assert.True(hour.IsAnomaly);
        Assert.Equal(AnomalySeverity.High, hour.Severity);
        Assert.Contains("never seen before: Service Control Manager/7045 x1 (a service was installed)", hour.Reasons);
    }

    [Fact]
    public void AKindSeenTwiceInTrainingIsRareAndPagesOneStepLower()
    {
        var hour = ScoreNight(Trained.Value, w => Weeks.Repeat(w, 1, 4720, "Microsoft-Windows-Security-Auditing", "Security"));

        Assert.True(hour.IsAnomaly);
        Assert.Equal(AnomalySeverity.Medium, hour.Severity);
        Assert.Contains("rare: Microsoft-Windows-Security-Auditing/4720 x1, seen 2 times in training (a user account was created)", hour.Reasons);
    }

    [Fact]
    public void AKindSeenAtLeastRareKindCountTimesIsOrdinary()
    {
        var model = VigilModel.FromDocument(Trained.Value.Document, "test", KindRules.Default with { RareBelow = 2 });

        var hour = ScoreNight(model, w => Weeks.Repeat(w, 1, 4720, "Microsoft-Windows-Security-Auditing", "Security"));

        Assert.False(hour.IsAnomaly);
        Assert.Empty(hour.Reasons);
    }

    [Fact]
    public void WatchEventsRegradeAnUncataloguedKindSoItPages()
    {
        var catalogue = SecurityEventCatalogue.Default.With([new WatchedEvent("contoso-backup", 1001, AnomalySeverity.High, "")]);
        var model = VigilModel.FromDocument(Trained.Value.Document, "test", KindRules.Default with { Catalogue = catalogue });

        var hour = ScoreNight(model, w => Weeks.Repeat(w, 1, 1001, "Contoso-Backup", "Application"));

        Assert.True(hour.IsAnomaly);
        Assert.Equal(AnomalySeverity.High, hour.Severity);
    }

    [Fact]
    public void AnAcceptedKindIsNeitherNewNorNoted()
    {
        var model = VigilModel.FromDocument(Trained.Value.Document, "test", KindRules.Default with { Accepted = new AcceptedKinds(["service control manager/7045"]) });

        var hour = ScoreNight(model, w => Weeks.Repeat(w, 1, 7045, "Service Control Manager", "System"));

        Assert.False(hour.IsAnomaly);
        Assert.Empty(hour.Reasons);
    }

    [Fact]
    public void AnAcceptedBusyKindNoLongerSurges()
    {
        // 100 more service-state events at 03:00 where ~6 is usual: a kind surge; accepted, the kind is as busy as it likes.
        static void Burst(HourWindow w) => Weeks.Repeat(w, 100, 7036, "Service Control Manager", "System");
        var plain = ScoreNight(Trained.Value, Burst);
        var accepted = ScoreNight(VigilModel.FromDocument(Trained.Value.Document, "test", KindRules.Default with { Accepted = new AcceptedKinds(["Service Control Manager/7036"]) }), Burst);

        Assert.Contains(plain.Reasons, r => r.Contains("Service Control Manager/7036, usually", StringComparison.Ordinal));
        Assert.DoesNotContain(accepted.Reasons, r => r.Contains("Service Control Manager/7036, usually", StringComparison.Ordinal));
    }

    private static List<HourWindow> TrainingWeek() => Weeks.Ordinary(Weeks.Monday, 7, seed: 1, w =>
    {
        if (w.Hour == Weeks.Monday.AddDays(1).AddHours(14) || w.Hour == Weeks.Monday.AddDays(3).AddHours(15))
        {
            Weeks.Repeat(w, 1, 4720, "Microsoft-Windows-Security-Auditing", "Security");
        }
    });

    private static HourDetection ScoreNight(VigilModel model, Action<HourWindow> extra) => Weeks.ScoreHourOfWeek2(model, TrainingWeek(), Night, seed: 2, extra);
}
