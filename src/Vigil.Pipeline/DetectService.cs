using System.Globalization;
using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Features;
using Vigil.Core.Models;
using Vigil.Core.Rules;
using Vigil.Core.Templates;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Operator;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The one scoring road: bring the last <c>collection_hours</c> into the store (unless a follower already does),
/// build their hour windows from the store, score them with the saved model (whichever kind the model file says),
/// and store the verdicts per (scope, hour) with their alerts in one transaction, then deliver the alerts.
/// </summary>
public sealed class DetectService
{
    /// <summary>The kind detect runs are stored under.</summary>
    public const string RunKind = "detect";

    private readonly VigilContext _context;

    public DetectService(VigilContext context) => _context = context;

    public async Task<DetectReport> RunAsync(RunRequest request, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var models = _context.ModelsFor(request.Scope);
        var document = await models.LoadAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoModelException();
        var model = HourModels.Load(document, models.Path);
        if (document.Kind != _context.Config.Detection.Model)
        {
            warn($"{models.Path} holds a {document.Kind} model but [detection] model = {_context.Config.Detection.Model}: scoring with the {document.Kind} model; run 'vigil setup' to train a {_context.Config.Detection.Model} model.");
        }

        using var alerts = new AlertRun(_context);

        // Templates seen in training keep their ids; new ones get new ids, i.e. kinds never seen in training.
        var templates = document.Templates is { } state ? TemplateMiner.FromState(state) : new TemplateMiner();
        // The day before the range is history: it tells the model how busy the host has been lately.
        var run = await CollectedRun.StartAsync(_context, RunKind, request, request.Hours ?? _context.Config.Detection.CollectionHours, VolumeLevel.History, true, templates, progress, warn, cancellationToken).ConfigureAwait(false);
        WarnWhenTrainedOn(run, document, warn);

        // Accepted kinds, the catalogue and maintenance windows apply from the next run on, without retraining.
        var knowledge = await OperatorKnowledge.LoadAsync(_context, cancellationToken).ConfigureAwait(false);
        model = HourModels.WithRules(model, knowledge.Rules);

        progress?.Report(new PipelineProgress("Scoring", 0));
        // A window naming a host suppresses that host's scopes only (a fleet); one naming none, every scope.
        var maintenance = knowledge.Maintenance.Where(w => w.Concerns(run.SourceNames)).ToList();
        var scored = MaintenanceSuppression.Apply(SilentHours.Apply(model.Score(run.Windows, run.First), document), maintenance);
        var anomalies = scored.Count(h => h.Alerts);
        var message = anomalies == 0 ? "no anomalies" : $"{anomalies} anomalous hour{(anomalies == 1 ? string.Empty : "s")}";
        if (scored.Count(h => h.IsAnomaly && h.Suppressed) is var suppressed and > 0)
        {
            message += $"; {suppressed} more in maintenance windows (suppressed)";
        }
        if (run.Events == 0)
        {
            message += "; the sources were silent";
        }

        // Alerts are committed with the run's verdicts, then delivered: a stop in between loses nothing,
        // the next run (or vigil alert send) delivers what is pending.
        var modelId = document.Id;
        var planned = await alerts.PlanAsync(run.Sources, HostOf(request.Scope), scored, modelId, cancellationToken).ConfigureAwait(false);
        var verdicts = new RunVerdicts(new VerdictScope(run.SourceNames).Key, modelId, scored);
        await _context.Store.FinishRunAsync(run.RunId, new RunOutcome(true, run.Events, scored.Count, anomalies, message), verdicts, planned.Entries, cancellationToken).ConfigureAwait(false);
        // After the run: a stop in between replans the same hours next time, and the outbox ignores pages it already holds.
        await alerts.RecordAsync(planned, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PipelineProgress("Scoring", 1));
        var delivery = await alerts.DeliverAsync(cancellationToken).ConfigureAwait(false);
        foreach (var error in delivery.Errors)
        {
            warn(error);
        }

        return new DetectReport(run.Range, scored, run.Collected, document, run.Sources);
    }

    /// <summary>The host the events came from: a host scope's own, else the machine Vigil runs on (it read them).</summary>
    private static string HostOf(string? scope) =>
        scope is not null && HostSource.TryParse(scope, out var host, out _) ? host : Environment.MachineName;

    /// <summary>Hours the model was trained on were learnt as normal: scoring them again cannot find them abnormal.</summary>
    private static void WarnWhenTrainedOn(CollectedRun run, ModelDocument document, Action<string> warn)
    {
        var start = run.Range.Start > document.TrainingFrom ? run.Range.Start : document.TrainingFrom;
        var end = run.Range.End < document.TrainingTo ? run.Range.End : document.TrainingTo;
        if (start >= end)
        {
            return;
        }

        var overlap = (int)((end - start).Ticks / TimeSpan.TicksPerHour);
        warn(string.Create(
            CultureInfo.InvariantCulture,
            $"{overlap} of the {run.Range.Hours} hours scored ({run.Range}) are in the model's training range ({document.TrainingFrom:yyyy-MM-dd HH:00} – {document.TrainingTo:yyyy-MM-dd HH:00} UTC): they were learnt as normal. Score later hours (--now), or run setup on an earlier week."));
    }
}
