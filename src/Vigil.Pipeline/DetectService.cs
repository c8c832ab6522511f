using Vigil.Core.Detection;
using Vigil.Core.Features;
using Vigil.Core.Models;
using Vigil.Core.Windows;
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

        var run = await CollectedRun.StartAsync(_context, RunKind, request, request.Hours ?? _context.Config.Detection.CollectionHours, progress, warn, cancellationToken).ConfigureAwait(false);

        progress?.Report(new PipelineProgress("Scoring", 0));
        var scored = await ScoreAsync(model, run, cancellationToken).ConfigureAwait(false);
        var anomalies = scored.Count(h => h.IsAnomaly);
        var message = anomalies == 0 ? "no anomalies" : $"{anomalies} anomalous hour{(anomalies == 1 ? string.Empty : "s")}";
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, run.Events, scored.Count, anomalies, message), scored, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Scoring", 1));
        return new DetectReport(run.Range, scored, run.Collected, document, run.Sources);
    }

    private async Task<IReadOnlyList<HourDetection>> ScoreAsync(IHourModel model, CollectedRun run, CancellationToken cancellationToken)
    {
        if (model is SeedModel seed)
        {
            return seed.Score(run.Summaries);
        }

        // The day before the range is history: it tells the model how busy the host has been lately.
        var history = TimeSpan.FromHours(VolumeLevel.History);
        var windows = await HourWindowReader.ReadAsync(_context.Store, run.SourceNames, new HourRange(run.Range.Start - history, run.Range.End), cancellationToken).ConfigureAwait(false);
        return model.Score(windows, VolumeLevel.History);
    }
}
