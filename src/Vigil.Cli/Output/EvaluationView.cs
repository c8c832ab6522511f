using System.Globalization;
using Spectre.Console;
using Vigil.Core.Evaluation;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Cli.Output;

/// <summary>One model's evaluation on labelled events: hour-level metrics, the incident-level summary, each rule's contribution.</summary>
internal static class EvaluationView
{
    public static object Json(ModelEvaluation e)
    {
        var m = e.Metrics;
        var everything = IncidentMetrics.FlagEverything(e.Hours, e.Labelled);
        return new
        {
            model = e.Kind,
            training_from = e.Training.Start,
            training_to = e.Training.End,
            scored_from = e.Scored.Start,
            scored_to = e.Scored.End,
            hours = m.Hours,
            incident_hours = m.Positives,
            flagged = m.Flagged,
            true_positives = m.TruePositives,
            false_positives = m.FalsePositives,
            false_negatives = m.FalseNegatives,
            precision = m.Precision,
            recall = m.Recall,
            f1 = m.F1,
            k = m.K,
            precision_at_k = m.PrecisionAtK,
            incidents = e.Incidents.Incidents,
            incidents_caught = e.Incidents.Caught,
            false_positive_hours = e.Incidents.FalsePositiveHours,
            flag_everything = new { incidents_caught = everything.Caught, false_positive_hours = everything.FalsePositiveHours },
            flag_nothing = new { incidents_caught = 0, false_positive_hours = 0 },
            rules = RuleTable.Json(e.Rules, e.Incidents),
            flagged_hours = e.Hours.Where(h => h.IsAnomaly).Select(h => new { hour = h.Summary.HourTimestamp, incident = e.Labelled.Contains(h.Summary.Hour), rules = h.Rules }),
        };
    }

    public static void Write(ModelEvaluation e, bool markdown)
    {
        var m = e.Metrics;
        var i = e.Incidents;
        Console.WriteLine($"Model {e.Kind}: trained on {e.Training}, scored {e.Scored.Hours} hours ({e.Scored}).");
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
        Row("incidents caught", $"{i.Caught} of {i.Incidents} (an incident = consecutive labelled hours; caught = any of its hours flagged)");
        Row("false-positive hours", $"{i.FalsePositiveHours} of {i.ScoredHours - m.Positives} unlabelled hours");
        Row("incident hours", m.Positives.ToString(CultureInfo.InvariantCulture));
        Row("flagged", $"{m.Flagged} ({m.TruePositives} incident, {m.FalsePositives} other)");
        Row("precision", ScenarioTable.Ratio(m.Precision));
        Row("recall", ScenarioTable.Ratio(m.Recall));
        Row("F1", ScenarioTable.Ratio(m.F1));
        Row($"precision@{m.K}", ScenarioTable.Ratio(m.PrecisionAtK));
        AnsiConsole.Write(grid);
        Console.WriteLine($"For reference: flagging nothing catches 0 of {i.Incidents}; flagging every hour catches {i.Incidents} of {i.Incidents} with {i.ScoredHours - m.Positives} false-positive hours.");
        Console.WriteLine("Each rule's contribution (an hour pages when any rule does; 'without it' = the same run with the rule removed):");
        RuleTable.Write(e.Rules, i, markdown);
    }
}
