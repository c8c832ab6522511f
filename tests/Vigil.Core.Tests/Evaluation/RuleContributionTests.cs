using Vigil.Core.Detection;
using Vigil.Core.Evaluation;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Evaluation;

public sealed class RuleContributionTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void IncidentsAreRunsOfConsecutiveLabelledHoursCaughtByAnyFlaggedHour()
    {
        // Incidents: hours 2-3 (caught at 3), hour 7 (missed), hour 9 (caught); hour 5 is a false positive.
        var hours = Hours(10, (3, ["surge"]), (5, ["forest"]), (9, ["never_seen_kind"]));
        var labelled = Labels(2, 3, 7, 9);

        var metrics = IncidentMetrics.Compute(hours, labelled);

        Assert.Equal(new IncidentMetrics(3, 2, 1, 10), metrics);
        Assert.Equal(new IncidentMetrics(3, 3, 6, 10), IncidentMetrics.FlagEverything(hours, labelled));
    }

    [Fact]
    public void ARuleIsCreditedWithTheIncidentsAndFalsePositivesOnlyItFlagged()
    {
        // Hour 1: surge alone (incident A). Hour 4: surge and never-seen (incident B). Hour 6: never-seen alone (false positive).
        var hours = Hours(8, (1, ["surge"]), (4, ["surge", "never_seen_kind"]), (6, ["never_seen_kind"]));
        var labelled = Labels(1, 4);

        var rules = RuleContribution.Compute(hours, labelled);

        Assert.Equal(["never_seen_kind", "surge"], rules.Select(r => r.Rule));
        Assert.Equal(new RuleContribution("never_seen_kind", 2, 1, 1, 1, 0, 1), rules[0]);
        Assert.Equal(new RuleContribution("surge", 2, 2, 0, 2, 1, 0), rules[1]);
    }

    [Fact]
    public void PoolingAddsTheRowsOfEachEvaluationRuleByRule()
    {
        var a = RuleContribution.Compute(Hours(4, (1, ["surge"])), Labels(1));
        var b = RuleContribution.Compute(Hours(4, (2, ["surge"]), (3, ["forest"])), Labels(2));

        var pooled = RuleContribution.Pool([a, b]);

        Assert.Equal([new RuleContribution("forest", 1, 0, 1, 0, 0, 1), new RuleContribution("surge", 2, 2, 0, 2, 2, 0)], pooled);
    }

    private static HashSet<DateTime> Labels(params int[] hours) => [.. hours.Select(h => Start.AddHours(h))];

    private static List<HourDetection> Hours(int count, params (int Hour, string[] Rules)[] flagged) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var rules = flagged.FirstOrDefault(f => f.Hour == i).Rules ?? [];
            return new HourDetection(new HourlySummary(Start.AddHours(i), 10, 0, 0, 10), 0, rules.Length > 0) { Rules = rules };
        })];
}
