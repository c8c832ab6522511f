using Vigil.Collectors.Files;
using Vigil.Collectors.Scenarios;
using Vigil.Core.Models;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Cli.Output;

/// <summary><c>vigil evaluate --attack-week FOLDER</c>: builds the held-out attack week, then writes it out or evaluates both models on it.</summary>
internal static class AttackWeekView
{
    public static async Task RunAsync(string folder, string? write, VigilConfig config, bool asJson, bool markdown, CancellationToken cancellationToken)
    {
        var week = await AttackWeek.BuildAsync(folder, Commands.Shared.CommandRunner.Warn, cancellationToken).ConfigureAwait(false);
        if (write is not null)
        {
            Directory.CreateDirectory(write);
            await using (var events = new StreamWriter(Path.Combine(write, "events.csv")))
            {
                await EventCsvWriter.WriteAsync(events, week.Events, cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllLinesAsync(
                Path.Combine(write, "labels.csv"),
                ["hour_timestamp,label", .. Enumerable.Range(0, 7 * 24).Select(h => AttackWeek.TestWeek.AddHours(h)).Select(h => $"{h:yyyy-MM-dd HH:00:00},{(week.IncidentHours.Contains(h) ? 1 : 0)}")],
                cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Wrote {week.Events.Count} events to {Path.Combine(write, "events.csv")} and {week.IncidentHours.Count} incident hours to {Path.Combine(write, "labels.csv")}.");
            return;
        }

        var results = await ShippedEvaluation.RunAsync(week.Events, week.IncidentHours, [SeedModel.Kind, VigilModel.Kind], config, cancellationToken).ConfigureAwait(false);
        if (asJson)
        {
            JsonOutput.Write(new { description = week.Description, parts = AttackWeek.Describe(), models = results.Select(EvaluationView.Json) });
            return;
        }

        Console.WriteLine(week.Description);
        foreach (var line in AttackWeek.Describe())
        {
            Console.WriteLine("  " + line);
        }

        foreach (var result in results)
        {
            Console.WriteLine();
            EvaluationView.Write(result, markdown);
        }
    }
}
