using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Templates;
using Vigil.Pipeline.Configuration;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The seed's setup: bring 7 days (168 hours) before "now" into the store, build their hour windows from the store,
/// train the model <c>[detection] model</c> names on them, save it. A week with too few hours holding events
/// (<c>[detection] min_training_hours</c>) is refused unless forced.
/// </summary>
public sealed class SetupService
{
    public const string SuccessMessage = "Setup complete! Model trained successfully.";

    /// <summary>The kind retrain runs are stored under.</summary>
    public const string RetrainKind = "retrain";

    private readonly VigilContext _context;

    public SetupService(VigilContext context) => _context = context;

    public Task<SetupResult> RunAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken) =>
        TrainAsync("setup", request, retrain: false, progress, warn, cancellationToken);

    /// <summary>
    /// Trains a new model on the latest clean week (<see cref="Training.CleanWeek"/>: flagged and suppressed hours left
    /// out, false alarms in), continuing the current model's template ids; the previous model stays in the model history.
    /// </summary>
    public Task<SetupResult> RetrainAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken) =>
        TrainAsync(RetrainKind, request, retrain: true, progress, warn, cancellationToken);

    private async Task<SetupResult> TrainAsync(string kind, RunRequest request, bool retrain, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var config = _context.Config;
        // A retrain keeps the template ids the verdicts and accepted kinds name; a setup starts afresh.
        var current = retrain ? await _context.Models.LoadAsync(cancellationToken).ConfigureAwait(false) : null;
        var templates = current?.Templates is { } state ? TemplateMiner.FromState(state) : new TemplateMiner();
        var run = await CollectedRun.StartAsync(_context, kind, request, request.Hours ?? DetectionSettings.TrainingHours, 0, false, templates, progress, warn, cancellationToken).ConfigureAwait(false);
        var windows = run.Own;
        IReadOnlyList<Core.Windows.HourWindow> leftOut = [];
        var cleaning = string.Empty;
        if (retrain)
        {
            var falseAlarmHours = await Operator.FalseAlarmHours.ListAsync(_context, run.SourceNames, cancellationToken).ConfigureAwait(false);
            var clean = await Training.CleanWeek.SelectAsync(_context.Store, run.SourceNames, run.Range, windows, falseAlarmHours, templates, cancellationToken).ConfigureAwait(false);
            (windows, leftOut) = (clean.Windows, clean.LeftOut);
            cleaning = leftOut.Count == 0 ? string.Empty : $"; {leftOut.Count} flagged or suppressed hour{(leftOut.Count == 1 ? string.Empty : "s")} left out ({clean.Replaced} replaced by the same hour of an earlier week)";
        }

        var withEvents = windows.Count(w => w.Total > 0);
        if (withEvents < Math.Min(config.Detection.MinTrainingHours, windows.Count))
        {
            var sparse = new SparseTrainingException(run.Sources, run.Range, withEvents, config.Detection.MinTrainingHours);
            if (!request.Force)
            {
                await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(false, run.Events, 0, 0, sparse.Message), null, [], cancellationToken).ConfigureAwait(false);
                throw sparse;
            }

            warn($"Training anyway (--force): only {withEvents} of {windows.Count} hours have events.");
        }

        // Hours the operator called false alarms are normal hours too (vigil feedback).
        var inWindows = windows.Select(w => w.Hour).ToHashSet();
        var falseAlarms = (await Operator.FalseAlarmHours.ReadAsync(_context, run.SourceNames, run.Range, templates, cancellationToken).ConfigureAwait(false))
            .Where(w => !inWindows.Contains(w.Hour)).ToList();
        if (falseAlarms.Count > 0)
        {
            windows = [.. windows, .. falseAlarms];
            withEvents += falseAlarms.Count;
        }

        progress?.Report(new PipelineProgress("Training", 0));
        var options = new IsolationForestOptions
        {
            NEstimators = config.Detection.NEstimators,
            Contamination = config.Detection.Contamination,
            RandomState = config.Detection.RandomState,
            Parallelism = 0,
        };
        var trainedAt = _context.Clock.GetUtcNow().UtcDateTime;
        var model = HourModels.Train(config.Detection.Model, windows, options, run.Sources, trainedAt, leftOut);
        // The training range stays the week's: false-alarm hours outside it are not "learnt as normal" for --now's warning.
        var document = model.Document with { HoursWithEvents = withEvents, TrainingFrom = run.Range.Start, TrainingTo = run.Range.End };
        document = templates.TemplateCount == 0 || model is not VigilModel ? document : document with { Templates = templates.ExportState() };
        var models = _context.ModelsFor(request.Scope);
        await models.SaveAsync(document, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Training", 1));

        var message = $"trained on {windows.Count} hours ({withEvents} with events), {run.Events} events" + (falseAlarms.Count > 0 ? $", with {falseAlarms.Count} hour{(falseAlarms.Count == 1 ? string.Empty : "s")} called false alarms" : string.Empty) + cleaning;
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, run.Events, windows.Count, 0, message), null, [], cancellationToken).ConfigureAwait(false);
        return new SetupResult(document, run.Range, run.Events, run.Collected, models.Path, withEvents, leftOut.Count);
    }
}
