using System.Globalization;
using Spectre.Console;
using Vigil.Core.Evaluation;

namespace Vigil.Cli.Output;

/// <summary>
/// Each rule's contribution to one model's verdicts: flagged hours where it fired (incident / other), incidents it
/// helped catch, incidents only it caught, and the incidents caught and false-positive hours without it.
/// </summary>
internal static class RuleTable
{
    public static readonly string[] Headers = ["rule", "hours fired", "incident hours", "other hours", "incidents", "only this rule", "caught without it", "FP hours without it"];

    public static string[][] Rows(IReadOnlyList<RuleContribution> rules, IncidentMetrics total) =>
        [.. rules.Select(r => new[]
        {
            r.Rule,
            Number(r.Fired),
            Number(r.TruePositives),
            Number(r.FalsePositives),
            Number(r.Incidents),
            Number(r.OnlyThisRule),
            $"{Number(total.Caught - r.OnlyThisRule)} of {Number(total.Incidents)}",
            Number(total.FalsePositiveHours - r.FalsePositivesOnlyThisRule),
        })];

    public static void Write(IReadOnlyList<RuleContribution> rules, IncidentMetrics total, bool markdown)
    {
        var rows = Rows(rules, total);
        if (markdown)
        {
            Console.WriteLine("| " + string.Join(" | ", Headers) + " |");
            Console.WriteLine("|" + string.Concat(Headers.Select(_ => " --- |")));
            foreach (var row in rows)
            {
                Console.WriteLine("| " + string.Join(" | ", row) + " |");
            }

            return;
        }

        if (rows.Length == 0)
        {
            Console.WriteLine("No rule flagged any hour.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
        {
            table.AddColumn(i == 0 ? new TableColumn(header) : new TableColumn(header).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
    }

    public static object Json(IReadOnlyList<RuleContribution> rules, IncidentMetrics total) =>
        rules.Select(r => new
        {
            rule = r.Rule,
            hours_fired = r.Fired,
            incident_hours = r.TruePositives,
            other_hours = r.FalsePositives,
            incidents = r.Incidents,
            incidents_only_this_rule = r.OnlyThisRule,
            false_positive_hours_only_this_rule = r.FalsePositivesOnlyThisRule,
            incidents_caught_without_it = total.Caught - r.OnlyThisRule,
            false_positive_hours_without_it = total.FalsePositiveHours - r.FalsePositivesOnlyThisRule,
        });

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
