using Vigil.Core.Detection;
using Vigil.Core.Features;
using Vigil.Core.Models;
using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Pipeline.Alerting;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The seed's detection cycle: collect the last <c>collection_hours</c>, summarise, score with the saved model (whichever
/// kind the model file says), store the verdicts.
/// </summary>
public sealed class DetectService
{
    /// <summary>The kind detect runs are stored under.</summary>
    public const string RunKind = "detect";

    private readonly VigilContext _context;

    public DetectService(VigilContext context) => _context = context;

    public async Task<DetectReport> RunAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var document = await _context.Models.LoadAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoModelException();
        var model = HourModels.Load(document, _context.Models.Path);
        using var alerts = new AlertRun(_context.Config, _context.Clock);

        var run = await CollectedRun.StartAsync(_context, RunKind, request, request.Hours ?? _context.Config.Detection.CollectionHours, progress, warn, cancellationToken).ConfigureAwait(false);

        progress?.Report(new PipelineProgress("Scoring", 0));
        var scored = await ScoreAsync(model, document, run, cancellationToken).ConfigureAwait(false);
        var anomalies = scored.Count(h => h.IsAnomaly);
        var message = anomalies == 0 ? "no anomalies" : $"{anomalies} anomalous hour{(anomalies == 1 ? string.Empty : "s")}";

        // Alerts are committed with the run's results, then delivered: a stop in between loses nothing,
        // the next run (or vigil alert send) delivers what is pending.
        var entries = await alerts.PlanAsync(run.Sources, scored, cancellationToken).ConfigureAwait(false);
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, run.Events, scored.Count, anomalies, message), scored, entries, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Scoring", 1));
        var delivery = await alerts.DeliverAsync(cancellationToken).ConfigureAwait(false);
        foreach (var error in delivery.Errors)
        {
            warn(error);
        }
        return new DetectReport(run.Range, scored, run.Collected, document, run.Sources);
    }

    private async Task<IReadOnlyList<HourDetection>> ScoreAsync(IHourModel model, ModelDocument document, CollectedRun run, CancellationToken cancellationToken)
    {
        if (model is SeedModel seed)
        {
            return seed.Score(run.Summaries);
        }

        // The day before the range is history: it tells the model how busy the host has been lately.
        var history = TimeSpan.FromHours(VolumeLevel.History);
        // Templates seen in training keep their ids; new ones get new ids, i.e. kinds never seen in training.
        var templates = document.Templates is { } state ? TemplateMiner.FromState(state) : new TemplateMiner();
        var windows = await HourWindowReader.ReadAsync(_context.Store, run.SourceNames, new HourRange(run.Range.Start - history, run.Range.End), templates, cancellationToken).ConfigureAwait(false);
        return model.Score(windows, VolumeLevel.History);
    }
}
