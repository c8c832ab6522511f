using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Templates;
using Vigil.Pipeline.Configuration;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The seed's setup: collect 7 days (168 hours) before "now", store them, summarise by hour, train the model
/// <c>[detection] model</c> names (the seed's on the hourly summaries, Vigil's on per-hour windows of the stored events), save it.
/// </summary>
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
        var trainedAt = _context.Clock.GetUtcNow().UtcDateTime;
        var templates = new TemplateMiner();
        IHourModel model = config.Detection.Model == VigilModel.Kind
            ? VigilModel.Train(await HourWindowReader.ReadAsync(_context.Store, run.SourceNames, run.Range, templates, cancellationToken).ConfigureAwait(false), options, run.Sources, trainedAt)
            : SeedModel.Train(summaries, options, run.Sources, trainedAt);
        var document = templates.TemplateCount == 0 ? model.Document : model.Document with { Templates = templates.ExportState() };
        await _context.Models.SaveAsync(document, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Training", 1));

        var message = $"trained on {summaries.Count} hours, {events} events";
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, events, summaries.Count, 0, message), [], cancellationToken).ConfigureAwait(false);
        return new SetupResult(document, run.Range, events, run.Collected, _context.Models.Path);
    }
}
