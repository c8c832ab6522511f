using System.CommandLine;
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
/// with both models instead, <c>--attack-week</c> the held-out attack week built from real EVTX samples.
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
        var attackWeek = new Option<string?>("--attack-week") { Description = "Evaluate both models on the held-out attack week built from the EVTX samples in this folder (the shared data's evtx folder)" };
        var write = new Option<string?>("--write") { Description = "With --attack-week: write events.csv and labels.csv into this folder instead of evaluating" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the rule tables as Markdown (for the README)" };
        var feedback = new Option<bool>("--feedback") { Description = "Precision as you judged it, per week: hours that paged, hours you called false alarms ('vigil feedback')" };
        var source = CommonOptions.Source();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("evaluate", "Train on the first 7 days of an event set, score the rest, and measure precision/recall/F1 against labelled hours")
        {
            events, labels, model, k, scenarios, attackWeek, write, markdown, feedback, source, config, json,
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
                await ScenarioTable.WriteAsync(EvaluationScenarios.All(), loaded, asJson, result.GetValue(markdown), cancellationToken).ConfigureAwait(false);
                return CommandRunner.Ok;
            }

            if (result.GetValue(attackWeek) is { } folder)
            {
                await AttackWeekView.RunAsync(folder, result.GetValue(write), loaded, asJson, result.GetValue(markdown), cancellationToken).ConfigureAwait(false);
                return CommandRunner.Ok;
            }

            var eventsSpec = result.GetValue(events) ?? throw new PipelineException("--events is required (or use --scenarios)");
            var labelsPath = result.GetValue(labels) ?? throw new PipelineException("--labels is required (or use --scenarios)");
            var incidents = await LabelFile.ReadAsync(labelsPath, cancellationToken).ConfigureAwait(false);
            var evaluations = await ShippedEvaluation.RunAsync(eventsSpec, incidents, [result.GetValue(model)!], loaded, CommandRunner.Warn, result.GetValue(k), cancellationToken).ConfigureAwait(false);
            if (asJson)
            {
                JsonOutput.Write(EvaluationView.Json(evaluations[0]));
            }
            else
            {
                EvaluationView.Write(evaluations[0], result.GetValue(markdown));
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
