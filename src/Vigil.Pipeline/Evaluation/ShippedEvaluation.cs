using Vigil.Collectors.Files;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Evaluation;

/// <summary>
/// <c>vigil evaluate</c> and the scenario tests: the shipped road, not a copy of it. The events go through the ingestion
/// road into a temporary store; then, per model, <see cref="SetupService"/> trains on the first 7 days and one
/// <see cref="DetectService"/> run scores every later hour, exactly as an operator's setup and detect would.
/// </summary>
public static class ShippedEvaluation
{
    public const int TrainingDays = 7;

    /// <summary>Evaluates each model kind on the events of <paramref name="spec"/>; a bare path is read as <c>file:PATH</c>.</summary>
    public static async Task<IReadOnlyList<ModelEvaluation>> RunAsync(string spec, IReadOnlySet<DateTime> incidents, IReadOnlyList<string> kinds, VigilConfig config, Action<string> warn, int? k, CancellationToken cancellationToken)
    {
        var source = spec.Contains(':', StringComparison.Ordinal) && !File.Exists(spec) ? spec : "file:" + spec;
        var dir = Directory.CreateTempSubdirectory("vigil-evaluate-").FullName;
        try
        {
            var baseConfig = config with
            {
                // Evaluation never pages anyone.
                Alerts = config.Alerts with { EnableEmail = false, EnableSlack = false, EnableWebhook = false },
                Vigil = config.Vigil with { Source = source, DataDir = Path.Combine(dir, "data"), ModelsDir = Path.Combine(dir, "models") },
            };

            HourRange training;
            HourRange scored;
            using (var context = new VigilContext(baseConfig))
            {
                var ingestor = context.Ingestor(warn);
                var names = new List<string>();
                foreach (var s in context.Sources(null))
                {
                    await ingestor.IngestAsync(s, cancellationToken).ConfigureAwait(false);
                    names.Add(s.Name);
                }

                var span = await context.Store.GetEventSpanAsync(names, ingestor.FutureLimit, cancellationToken).ConfigureAwait(false)
                    ?? throw new PipelineException($"{spec}: no events to evaluate on");
                var start = HourRange.FloorHour(span.First);
                training = new HourRange(start, start.AddDays(TrainingDays));
                scored = new HourRange(training.End, HourRange.EndOfHour(span.Last));
                if (scored.End <= scored.Start)
                {
                    throw new PipelineException($"{spec}: the events span {span.First:yyyy-MM-dd HH:mm} to {span.Last:yyyy-MM-dd HH:mm} UTC; nothing is left to score after {TrainingDays} training days");
                }

                var outside = incidents.Count(h => !scored.Contains(h));
                if (outside > 0)
                {
                    warn($"labels: {outside} of the {incidents.Count} incident hours fall outside the scored hours ({scored}); the first {TrainingDays} days of the events train the model and are not scored");
                }
            }

            var results = new List<ModelEvaluation>();
            foreach (var kind in kinds)
            {
                using var context = new VigilContext(baseConfig with { Detection = baseConfig.Detection with { Model = kind } });
                await new SetupService(context).RunAsync(new RunRequest(Now: training.End, Hours: training.Hours, Force: true, Collect: false), null, warn, cancellationToken).ConfigureAwait(false);
                var report = await new DetectService(context).RunAsync(new RunRequest(Now: scored.End, Hours: scored.Hours, Collect: false), null, warn, cancellationToken).ConfigureAwait(false);
                results.Add(ModelEvaluation.Create(kind, training, scored, report.Hours, incidents, k));
            }

            return results;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Evaluates events held in memory (the scenario set): written as Vigil's CSV, then read back by the file source.</summary>
    public static async Task<IReadOnlyList<ModelEvaluation>> RunAsync(IReadOnlyList<LogEvent> events, IReadOnlySet<DateTime> incidents, IReadOnlyList<string> kinds, VigilConfig config, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var writer = new StreamWriter(file))
            {
                // Generated events have no record id; number them so no two are ever taken for one.
                await EventCsvWriter.WriteAsync(writer, events.Select((e, i) => e.RecordKey.Length > 0 ? e : e with { RecordKey = "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }), cancellationToken).ConfigureAwait(false);
            }

            return await RunAsync("file:" + file, incidents, kinds, config, static _ => { }, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
