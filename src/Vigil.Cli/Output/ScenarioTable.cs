using System.Globalization;
using Spectre.Console;
using Vigil.Collectors.Scenarios;
using Vigil.Core.Evaluation;
using Vigil.Core.Models;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Cli.Output;

/// <summary>The built-in scenario set evaluated with both models through the shipped setup and detect: one row per scenario, precision/recall/F1 of each.</summary>
internal static class ScenarioTable
{
    public static async Task WriteAsync(IReadOnlyList<EvaluationScenario> scenarios, VigilConfig config, bool asJson, bool markdown, CancellationToken cancellationToken)
    {
        var rows = new List<(EvaluationScenario Scenario, DetectionMetrics Seed, DetectionMetrics Vigil)>();
        var evaluations = new List<IReadOnlyList<ModelEvaluation>>();
        foreach (var s in scenarios)
        {
            var results = await ShippedEvaluation.RunAsync(s.Events, s.IncidentHours, [SeedModel.Kind, VigilModel.Kind], config, cancellationToken).ConfigureAwait(false);
            rows.Add((s, results[0].Metrics, results[1].Metrics));
            evaluations.Add(results);
        }

        var models = new[] { SeedModel.Kind, VigilModel.Kind }.Select((kind, m) => (
            Kind: kind,
            Incidents: IncidentMetrics.Pool(evaluations.Select(e => e[m].Incidents)),
            Rules: RuleContribution.Pool(evaluations.Select(e => e[m].Rules)))).ToList();

        var seedAll = DetectionMetrics.Pool([.. rows.Select(r => r.Seed)]);
        var vigilAll = DetectionMetrics.Pool([.. rows.Select(r => r.Vigil)]);
        if (asJson)
        {
            JsonOutput.Write(new
            {
                scenarios = rows.Select(r => new { name = r.Scenario.Name, description = r.Scenario.Description, incident_hours = r.Scenario.IncidentHours.Count, seed = r.Seed, vigil = r.Vigil }),
                all = new { seed = seedAll, vigil = vigilAll },
                models = models.Select(m => new
                {
                    model = m.Kind,
                    incidents = m.Incidents.Incidents,
                    incidents_caught = m.Incidents.Caught,
                    false_positive_hours = m.Incidents.FalsePositiveHours,
                    rules = RuleTable.Json(m.Rules, m.Incidents),
                }),
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("scenario").AddColumn(new TableColumn("incident hours").RightAligned());
        foreach (var model in new[] { "seed", "vigil" })
        {
            table.AddColumn(new TableColumn($"{model} P").RightAligned()).AddColumn(new TableColumn($"{model} R").RightAligned())
                .AddColumn(new TableColumn($"{model} F1").RightAligned()).AddColumn(new TableColumn($"{model} flagged").RightAligned());
        }

        foreach (var (scenario, seed, vigil) in rows)
        {
            table.AddRow([scenario.Name, scenario.IncidentHours.Count.ToString(CultureInfo.InvariantCulture), .. Cells(seed), .. Cells(vigil)]);
        }

        table.AddRow(["[bold]all (pooled)[/]", seedAll.Positives.ToString(CultureInfo.InvariantCulture), .. Cells(seedAll), .. Cells(vigilAll)]);
        AnsiConsole.Write(table);
        Console.WriteLine($"Each scenario: 3 weeks from {EvaluationScenarios.Start:yyyy-MM-dd}; trained on week 1, scored weeks 2-3 ({rows[0].Seed.Hours} hours); '-' = undefined (nothing flagged / nothing labelled).");
        foreach (var m in models)
        {
            Console.WriteLine();
            Console.WriteLine($"Model {m.Kind}, all scenarios: {m.Incidents.Caught} of {m.Incidents.Incidents} incidents caught, {m.Incidents.FalsePositiveHours} false-positive hours. Each rule's contribution:");
            RuleTable.Write(m.Rules, m.Incidents, markdown);
        }
    }

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string[] Cells(DetectionMetrics m) =>
        [Ratio(m.Precision), Ratio(m.Recall), Ratio(m.F1), m.Flagged.ToString(CultureInfo.InvariantCulture)];
}
