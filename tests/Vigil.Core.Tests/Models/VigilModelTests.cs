using System.Text.Json;
using Vigil.Core.Detection;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Tests.Support;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Models;

public sealed class VigilModelTests
{
    private static readonly DateTime Week2 = Weeks.Monday.AddDays(7);

    private static readonly Lazy<VigilModel> Trained = new(() =>
        VigilModel.Train(Weeks.Ordinary(Weeks.Monday, 7, seed: 1), new IsolationForestOptions(), "test", Week2));

    private static IReadOnlyList<HourDetection> ScoreWeek2(Action<HourWindow>? extra = null)
    {
        var windows = Weeks.Ordinary(Weeks.Monday, 7, seed: 1);
        windows.AddRange(Weeks.Ordinary(Week2, 7, seed: 2, extra));
        return Trained.Value.Score(windows, 7 * 24);
    }

    [Fact]
    public void AnOrdinaryWeekAfterTrainingRaisesNoAlarm()
    {
        var hours = ScoreWeek2();

        Assert.Equal(7 * 24, hours.Count);
        Assert.DoesNotContain(hours, h => h.IsAnomaly);
    }

    [Fact]
    public void ABusySundayNightIsFlaggedWhileTheSameVolumeOnAMondayMorningIsNot()
    {
        var sunday3 = Week2.AddDays(6).AddHours(3);
        var monday9 = Week2.AddHours(9);

        var hours = ScoreWeek2(w =>
        {
            if (w.Hour == sunday3)
            {
                Weeks.Repeat(w, 30, 7036, "Service Control Manager", "System");
                Weeks.Repeat(w, 40, 4624, "Microsoft-Windows-Security-Auditing", "Security");
            }
        });

        Assert.True(hours.Single(h => h.Summary.Hour == sunday3).IsAnomaly);
        Assert.False(hours.Single(h => h.Summary.Hour == monday9).IsAnomaly);
    }

    [Fact]
    public void HundredsOfFailedLogonsAreFlaggedWithTheirCountInTheReasons()
    {
        var attack = Week2.AddDays(1).AddHours(2);

        var hours = ScoreWeek2(w =>
        {
            if (w.Hour == attack)
            {
                Weeks.Repeat(w, 300, 4625, "Microsoft-Windows-Security-Auditing", "Security", message: "An account failed to log on.");
            }
        });

        var flagged = Assert.Single(hours, h => h.IsAnomaly);
        Assert.Equal(attack, flagged.Summary.Hour);
        Assert.Equal(0, flagged.Summary.ErrorCount);
        Assert.Contains(flagged.Reasons, r => r.Contains("300 failed logons", StringComparison.Ordinal));
        // The operator reads counts against the usual; feature names and spreads are the details view's.
        Assert.DoesNotContain(flagged.Reasons, r => r.Contains("spreads", StringComparison.Ordinal) || r.StartsWith("feature ", StringComparison.Ordinal));
        Assert.Contains(flagged.Details, d => d.StartsWith("feature ", StringComparison.Ordinal) && d.Contains("spreads from training", StringComparison.Ordinal));
        Assert.Contains(flagged.Reasons, r => r.StartsWith("sample", StringComparison.Ordinal) && r.Contains("failed to log on", StringComparison.Ordinal));
    }

    [Fact]
    public void ASingleNeverSeenServiceInstallIsFlaggedWithHighSeverityAndItsMessage()
    {
        var install = Week2.AddDays(2).AddHours(10);

        var hours = ScoreWeek2(w =>
        {
            if (w.Hour == install)
            {
                Weeks.Repeat(w, 1, 7045, "Service Control Manager", "System", message: "A service was installed in the system. Service Name: evil");
            }
        });

        var flagged = Assert.Single(hours, h => h.IsAnomaly);
        Assert.Equal(AnomalySeverity.High, flagged.Severity);
        Assert.Contains(flagged.Reasons, r => r.Contains("Service Control Manager/7045", StringComparison.Ordinal));
        Assert.Contains(flagged.Reasons, r => r.Contains("Service Name: evil", StringComparison.Ordinal));
    }

    [Fact]
    public void ABusyLogThatFallsSilentIsFlagged()
    {
        var silent = Week2.AddDays(3).AddHours(11);
        var windows = Weeks.Ordinary(Weeks.Monday, 7, seed: 1);
        windows.AddRange(Weeks.Ordinary(Week2, 7, seed: 2));
        var index = windows.FindIndex(w => w.Hour == silent);
        windows[index] = new HourWindow(silent);
        Weeks.Repeat(windows[index], 30, 7036, "Service Control Manager", "System");

        var flagged = Assert.Single(Trained.Value.Score(windows, 7 * 24), h => h.IsAnomaly);

        Assert.Equal(silent, flagged.Summary.Hour);
        Assert.Contains(flagged.Reasons, r => r.StartsWith("Security log is silent", StringComparison.Ordinal));
    }

    [Fact]
    public void ASavedModelReloadsFromJsonAndScoresTheSame()
    {
        var json = JsonSerializer.Serialize(Trained.Value.Document);
        var reloaded = VigilModel.FromDocument(JsonSerializer.Deserialize<ModelDocument>(json)!, "model.json");
        var windows = Weeks.Ordinary(Week2, 2, seed: 3);

        Assert.Equal(Trained.Value.Score(windows, 0).Select(h => h.AnomalyScore), reloaded.Score(windows, 0).Select(h => h.AnomalyScore));
        Assert.Equal(Trained.Value.Document.FeatureNames, reloaded.Document.FeatureNames);
    }

    [Fact]
    public void ASeedModelIsNotTakenForAVigilModel()
    {
        var seed = SeedModel.Train([.. Weeks.Ordinary(Weeks.Monday, 2, seed: 1).Select(w => w.Summary)], new IsolationForestOptions(), "test", Week2);

        var error = Assert.Throws<ModelFormatException>(() => VigilModel.FromDocument(seed.Document, "model.json"));

        Assert.Contains("vigil setup", error.Message, StringComparison.Ordinal);
        Assert.IsType<SeedModel>(HourModels.Load(seed.Document, "model.json"));
    }
}
