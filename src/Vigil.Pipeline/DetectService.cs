using Vigil.Core.Models;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>The seed's detection cycle: collect the last <c>collection_hours</c>, summarise, score with the saved model, store the verdicts.</summary>
public sealed class DetectService
{
    private readonly VigilContext _context;

    public DetectService(VigilContext context) => _context = context;

    public async Task<DetectReport> RunAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var document = await _context.Models.LoadAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoModelException();
        var model = SeedModel.FromDocument(document, _context.Models.Path);

        var run = await CollectedRun.StartAsync(_context, "detect", request, request.Hours ?? _context.Config.Detection.CollectionHours, progress, warn, cancellationToken).ConfigureAwait(false);

        progress?.Report(new PipelineProgress("Scoring", 0));
        var scored = model.Score(run.Summaries);
        var anomalies = scored.Count(h => h.IsAnomaly);
        var message = anomalies == 0 ? "no anomalies" : $"{anomalies} anomalous hour{(anomalies == 1 ? string.Empty : "s")}";
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, run.Events, scored.Count, anomalies, message), scored, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Scoring", 1));
        return new DetectReport(run.Range, scored, run.Collected, document, run.Sources);
    }
}
