using Vigil.Core.Detection;

namespace Vigil.Core.Evaluation;

/// <summary>
/// One rule's share of a model's verdicts: the flagged hours where it fired (incident hours and others), the incidents
/// it helped catch, and those it alone caught and the false-positive hours it alone caused. An hour is flagged when any
/// rule pages, so removing a rule unflags exactly the hours it alone flagged: without it the model catches
/// <c>caught - OnlyThisRule</c> incidents and false-pages <c>false positives - FalsePositivesOnlyThisRule</c> hours —
/// an exact ablation, read from the same run.
/// </summary>
public sealed record RuleContribution(string Rule, int Fired, int TruePositives, int FalsePositives, int Incidents, int OnlyThisRule, int FalsePositivesOnlyThisRule)
{
    /// <summary>One row per rule that fired, in <see cref="DetectionRule.All"/> order (rules of other names after them).</summary>
    public static IReadOnlyList<RuleContribution> Compute(IReadOnlyList<HourDetection> hours, IReadOnlySet<DateTime> incidents)
    {
        var runs = IncidentMetrics.Runs(hours, incidents);
        var rows = new List<RuleContribution>();
        foreach (var rule in hours.SelectMany(h => h.Rules).Distinct().OrderBy(Order).ThenBy(r => r, StringComparer.Ordinal))
        {
            bool Alone(HourDetection h) => h.Rules.Count > 0 && h.Rules.All(r => r == rule);
            var with = hours.Where(h => h.Rules.Contains(rule)).ToList();
            var tp = with.Count(h => incidents.Contains(h.Summary.Hour));
            rows.Add(new RuleContribution(
                rule,
                with.Count,
                tp,
                with.Count - tp,
                runs.Count(run => run.Exists(h => h.Rules.Contains(rule))),
                runs.Count(run => run.Exists(h => h.IsAnomaly) && run.Where(h => h.IsAnomaly).All(Alone)),
                with.Count(h => Alone(h) && !incidents.Contains(h.Summary.Hour))));
        }

        return rows;
    }

    /// <summary>Adds up the rows of several evaluations (the scenario set) rule by rule.</summary>
    public static IReadOnlyList<RuleContribution> Pool(IEnumerable<IReadOnlyList<RuleContribution>> parts) =>
        [.. parts.SelectMany(p => p)
            .GroupBy(r => r.Rule)
            .OrderBy(g => Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleContribution(g.Key, g.Sum(r => r.Fired), g.Sum(r => r.TruePositives), g.Sum(r => r.FalsePositives), g.Sum(r => r.Incidents), g.Sum(r => r.OnlyThisRule), g.Sum(r => r.FalsePositivesOnlyThisRule)))];

    private static int Order(string rule)
    {
        for (var i = 0; i < DetectionRule.All.Count; i++)
        {
            if (DetectionRule.All[i] == rule)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
