using Vigil.Collectors.Scenarios;
using Vigil.Core.Detection;
using Vigil.Core.Evaluation;
using Vigil.Core.Models;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Evaluation;
using Vigil.TestSupport;
using Xunit.Abstractions;

namespace Vigil.Pipeline.Tests.Evaluation;

/// <summary>
/// The held-out attack week (real EVTX background, 10 incidents of real attack-relevant records) through the shipped
/// road, as <c>vigil evaluate --attack-week</c> and bench/attack-week.sh run it.
/// </summary>
public sealed class AttackWeekTests
{
    private static readonly Lazy<(EvaluationScenario Week, ModelEvaluation Seed, ModelEvaluation Vigil)> Result = new(() =>
    {
        var week = AttackWeek.BuildAsync(Path.Combine(SharedData.Directory, "evtx"), static _ => { }, CancellationToken.None).GetAwaiter().GetResult();
        var results = ShippedEvaluation.RunAsync(week.Events, week.IncidentHours, [SeedModel.Kind, VigilModel.Kind], ConfigLoader.Defaults(), CancellationToken.None).GetAwaiter().GetResult();
        return (week, results[0], results[1]);
    });

    private readonly ITestOutputHelper _output;

    public AttackWeekTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheWeekHoldsTenIncidentsInItsSecondWeekAndRealBackgroundInBoth()
    {
        var (week, _, _) = Result.Value;

        Assert.Equal(10, IncidentMetrics.Runs([.. week.IncidentHours.Select(Hour)], week.IncidentHours).Count);
        Assert.All(week.IncidentHours, h => Assert.True(h >= AttackWeek.TestWeek && h < AttackWeek.TestWeek.AddDays(7)));
        Assert.Contains(week.Events, e => e.TimeCreated < AttackWeek.TestWeek && e.Provider == "Microsoft-Windows-Security-Auditing");
        Assert.Contains(week.Events, e => e.TimeCreated < AttackWeek.TestWeek && e.Provider == "Microsoft-Windows-GroupPolicy");
        Assert.DoesNotContain(week.Events, e => e.TimeCreated < AttackWeek.TestWeek && e.RecordKey.StartsWith("attack:", StringComparison.Ordinal));
    }

    [Fact]
    public void TheVigilModelCatchesNineOfTenIncidentsWithFewFalsePositiveHoursAndBeatsTheSeedModel()
    {
        var (_, seed, vigil) = Result.Value;
        _output.WriteLine($"seed: {seed.Incidents}; vigil: {vigil.Incidents}");
        foreach (var h in vigil.Hours.Where(h => h.IsAnomaly))
        {
            _output.WriteLine($"{h.Summary.HourTimestamp} {string.Join(",", h.Rules)}: {string.Join(" | ", h.Reasons.Take(2))}");
        }

        Assert.Equal(10, vigil.Incidents.Incidents);
        Assert.True(vigil.Incidents.Caught >= 9, $"vigil caught {vigil.Incidents.Caught} of 10");
        // Flagging every hour would catch all 10 with 157 false-positive hours; this bound fails it.
        Assert.True(vigil.Incidents.FalsePositiveHours <= MaxFalsePositiveHours, $"vigil paged {vigil.Incidents.FalsePositiveHours} unlabelled hours");
        Assert.True(vigil.Incidents.Caught > seed.Incidents.Caught, $"vigil {vigil.Incidents.Caught} vs seed {seed.Incidents.Caught}");
    }

    [Fact]
    public void EachRuleContributionAddsUpToTheModelsFlaggedHours()
    {
        var (_, _, vigil) = Result.Value;

        var flagged = vigil.Hours.Where(h => h.IsAnomaly).ToList();
        Assert.All(flagged, h => Assert.NotEmpty(h.Rules));
        Assert.Equal(flagged.Count(h => h.Rules.Contains(DetectionRule.NeverSeenKind)), vigil.Rules.Single(r => r.Rule == DetectionRule.NeverSeenKind).Fired);
        // The catalogue's never-seen kinds are what catches most of this week's attacks.
        Assert.True(vigil.Rules.Single(r => r.Rule == DetectionRule.NeverSeenKind).Incidents >= 5);
    }

    /// <summary>The issue's bar: at most 2 false-positive hours in the test week (flagging every hour gives 157).</summary>
    private const int MaxFalsePositiveHours = 2;

    private static HourDetection Hour(DateTime hour) => new(new Vigil.Core.Windows.HourlySummary(hour, 1, 0, 0, 1), 0, IsAnomaly: false);
}
