using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Collectors.Scenarios;
using Vigil.Core.Models;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil evaluate</c>: runs the shipped setup and detect over a temporary store — trains on the first 7 days of an event set, scores the rest and compares the flagged hours with
/// labelled incident hours (precision, recall, F1, precision@k). <c>--scenarios</c> runs the built-in scenario set
/// with both models instead.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var events = new Option<string?>("--events") { Description = "The events: a CSV/JSONL file (file:PATH or a bare path) or any source spec" };
        var labels = new Option<string?>("--labels") { Description = "A CSV of hour_timestamp,label (1 = incident hour, 0 = normal)" };
        var model = new Option<string>("--model") { Description = "The model to train: vigil (default) or seed", DefaultValueFactory = _ => VigilModel.Kind };
        model.AcceptOnlyFromAmong(HourModels.Kinds);
        var k = new Option<int?>("--k") { Description = "Hours precision@k looks at (default: the number of incident hours)" };
        var scenarios = new Option<bool>("--scenarios") { Description = "Evaluate both models on the built-in scenario set instead of --events/--labels" };
        var feedback = new Option<bool>("--feedback") { Description = "Precision as you judged it, per week: hours that paged, hours you called false alarms ('vigil feedback')" };
        var source = CommonOptions.Source();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("evaluate", "Train on the first 7 days of an event set, score the rest, and measure precision/recall/F1 against labelled hours")
        {
            events, labels, model, k, scenarios, feedback, source, config, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var loaded = ConfigLoader.Load(result.GetValue(config));
            var asJson = result.GetValue(json);
            if (result.GetValue(feedback))
            {
                using var context = new VigilContext(loaded);
                FeedbackTable.Write(await FeedbackPrecision.ReadAsync(context, result.GetValue(source), cancellationToken).ConfigureAwait(false), asJson);
                return CommandRunner.Ok;
            }

            if (result.GetValue(scenarios))
            {
                await ScenarioTable.WriteAsync(EvaluationScenarios.All(), loaded, asJson, cancellationToken).ConfigureAwait(false);
                return CommandRunner.Ok;
            }

            var eventsSpec = result.GetValue(events) ?? throw new PipelineException("--events is required (or use --scenarios)");
            var labelsPath = result.GetValue(labels) ?? throw new PipelineException("--labels is required (or use --scenarios)");
            var incidents = await LabelFile.ReadAsync(labelsPath, cancellationToken).ConfigureAwait(false);
            var evaluations = await ShippedEvaluation.RunAsync(eventsSpec, incidents, [result.GetValue(model)!], loaded, CommandRunner.Warn, result.GetValue(k), cancellationToken).ConfigureAwait(false);
            Write(evaluations[0], asJson);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static void Write(ModelEvaluation e, bool asJson)
    {
        var m = e.Metrics;
        if (asJson)
        {
            JsonOutput.Write(new
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
                flagged_hours = e.Hours.Where(h => h.IsAnomaly).Select(h => h.Summary.HourTimestamp),
            });
            return;
        }

        Console.WriteLine($"Model {e.Kind}: trained on {e.Training}, scored {e.Scored.Hours} hours ({e.Scored}).");
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
        Row("incident hours", m.Positives.ToString(CultureInfo.InvariantCulture));
        Row("flagged", $"{m.Flagged} ({m.TruePositives} incident, {m.FalsePositives} other)");
        Row("precision", ScenarioTable.Ratio(m.Precision));
        Row("recall", ScenarioTable.Ratio(m.Recall));
        Row("F1", ScenarioTable.Ratio(m.F1));
        Row($"precision@{m.K}", ScenarioTable.Ratio(m.PrecisionAtK));
        AnsiConsole.Write(grid);
    }
}
