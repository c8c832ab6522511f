using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Pipeline.Configuration;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>The seed's setup: collect 7 days (168 hours) before "now", store them, summarise by hour, train, save the model.</summary>
public sealed class SetupService
{
    public const string SuccessMessage = "Setup complete! Model trained successfully.";

    private readonly VigilContext _context;

    public SetupService(VigilContext context) => _context = context;

    public async Task<SetupResult> RunAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var config = _context.Config;
        var run = await CollectedRun.StartAsync(_context, "setup", request, request.Hours ?? DetectionSettings.TrainingHours, progress, warn, cancellationToken).ConfigureAwait(false);
        var (summaries, events) = (run.Summaries, run.Events);

        progress?.Report(new PipelineProgress("Training", 0));
        var options = new IsolationForestOptions
        {
            NEstimators = config.Detection.NEstimators,
            Contamination = config.Detection.Contamination,
            RandomState = config.Detection.RandomState,
            Parallelism = 0,
        };
        var model = SeedModel.Train(summaries, options, run.Sources, _context.Clock.GetUtcNow().UtcDateTime);
        await _context.Models.SaveAsync(model.Document, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Training", 1));

        var message = $"trained on {summaries.Count} hours, {events} events";
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, events, summaries.Count, 0, message), [], cancellationToken).ConfigureAwait(false);
        return new SetupResult(model.Document, run.Range, events, run.Collected, _context.Models.Path);
    }
}
