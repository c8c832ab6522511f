using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Collectors.Demo;
using Vigil.Collectors.Files;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil demo</c>: the whole product on a bundled week with no setup. Writes an 8-day Windows System log to
/// data/demo/raw, trains on the first 7 days, detects over the last one (which holds an injected incident) and
/// shows which hours were flagged. Exit 0 when every injected hour was flagged.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Where the demo writes its files", DefaultValueFactory = _ => Path.Combine("data", "demo") };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Run Vigil end to end on a generated week of a Windows server with an injected incident") { dataDir, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var dir = result.GetValue(dataDir)!;
            var asJson = result.GetValue(json);
            var eventsFile = Path.Combine(dir, "raw", "demo-events.csv");
            var defaults = ConfigLoader.Defaults();
            var config = defaults with
            {
                Vigil = defaults.Vigil with { Source = "file:" + eventsFile, DataDir = dir, ModelsDir = Path.Combine(dir, "models") },
            };

            // The demo owns its folder: start from an empty store so every run shows the same thing.
            Directory.CreateDirectory(Path.GetDirectoryName(eventsFile)!);
            foreach (var stale in new[] { "vigil.db", "vigil.db-wal", "vigil.db-shm" })
            {
                File.Delete(Path.Combine(dir, stale));
            }

            var events = DemoEvents.All().ToList();
            await using (var writer = new StreamWriter(eventsFile))
            {
                await EventCsvWriter.WriteAsync(writer, events, cancellationToken).ConfigureAwait(false);
            }

            using var context = new VigilContext(config);
            var (setup, report) = await ProgressView.RunAsync(asJson, async progress =>
            {
                var trained = await new SetupService(context).RunAsync(new RunRequest(Now: DemoScenario.TrainingEnd), progress, CommandRunner.Warn, cancellationToken).ConfigureAwait(false);
                var detected = await new DetectService(context).RunAsync(new RunRequest(Now: DemoScenario.End, Hours: 24), progress, CommandRunner.Warn, cancellationToken).ConfigureAwait(false);
                return (trained, detected);
            }).ConfigureAwait(false);

            var incident = DemoScenario.IncidentHours.ToHashSet();
            var caught = report.Hours.Count(h => h.IsAnomaly && incident.Contains(h.Summary.Hour));
            var others = report.Hours.Count(h => h.IsAnomaly && !incident.Contains(h.Summary.Hour));
            if (asJson)
            {
                JsonOutput.Write(report.Hours.Select(HourDto.From));
            }
            else
            {
                Console.WriteLine($"Wrote {events.Count} events of {DemoScenario.Computer}'s System log to {eventsFile}");
                Console.WriteLine($"Trained on {setup.Model.TrainingHours} hours ({setup.Range}; {setup.HoursWithEvents} with events), {setup.EventsInRange} events.");
                Console.WriteLine(SetupService.SuccessMessage);
                Console.WriteLine($"Detecting over the last day ({report.Range}):");
                HoursTable.Write(AnsiConsole.Console, report.Hours, incident);
                Console.WriteLine($"Injected incident hours flagged: {caught} of {incident.Count}; other hours flagged: {others} of {report.Hours.Count - incident.Count}.");
                Console.WriteLine($"Try it on the same data: vigil setup --source file:{eventsFile} --now {DemoScenario.TrainingEnd:yyyy-MM-ddTHH:mm:ssZ}");
            }

            return caught == incident.Count ? CommandRunner.Ok : CommandRunner.Anomalies;
        }));
        return command;
    }
}
