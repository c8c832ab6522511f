using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The common start of setup and detect: bring the sources into the store through the one ingestion road, settle the
/// range, record the run and build its hour windows from the store — the one hourly aggregation both models score.
/// Fails with the seed's "Collected 0 events" (recorded on the run) when the sources never produced an event; a source
/// that did and has gone quiet gets its empty hours scored instead, when the caller allows it (detect).
/// </summary>
/// <param name="Windows">History hours first, then the run's own hours from <paramref name="First"/> on.</param>
internal sealed record CollectedRun(long RunId, string Sources, IReadOnlyList<string> SourceNames, HourRange Range, IReadOnlyList<HourWindow> Windows, int First, long Events, CollectResult Collected)
{
    /// <summary>The run's own hours (the history left out).</summary>
    public IReadOnlyList<HourWindow> Own => [.. Windows.Skip(First)];

    public static async Task<CollectedRun> StartAsync(VigilContext context, string kind, RunRequest request, int hours, int historyHours, bool silenceIsAVerdict, TemplateMiner templates, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        // A host scope is filled by receivers: there is nothing to read, only the store.
        var sources = request.Scope is null ? context.Sources(request.Sources) : [];
        string[] names = request.Scope is { } scope ? [scope] : [.. sources.Select(s => s.Name)];
        var sourceText = string.Join(", ", names);
        var store = context.Store;
        var ingestor = context.Ingestor(warn);

        var collected = new CollectResult(0, 0);
        if (request.Collect && sources.Count > 0)
        {
            // With --now the hours are known up front and only they (and their history) are read from sources that
            // cannot be followed; otherwise such sources are read whole, as "now" may depend on their newest event.
            var (from, to) = request.Now is { } given
                ? (HourRange.Ending(given, hours + historyHours).Start, HourRange.Ending(given, 1).End)
                : (DateTime.MinValue, DateTime.MaxValue);
            for (var i = 0; i < sources.Count; i++)
            {
                var (offset, share) = ((double)i / sources.Count, 1.0 / sources.Count);
                var sourceProgress = progress is null ? null : new SyncProgress<double>(f => progress.Report(new PipelineProgress("Collecting", offset + (f * share))));
                var totals = await ingestor.IngestAsync(sources[i], from, to, sourceProgress, cancellationToken).ConfigureAwait(false);
                collected = new CollectResult(collected.Read + totals.Read, collected.Added + totals.Added);
            }

            progress?.Report(new PipelineProgress("Collecting", 1));
        }

        var range = await RangeResolver.ResolveAsync(names, store, request.Now, hours, context.Clock.GetUtcNow().UtcDateTime, ingestor.FutureLimit, warn, cancellationToken).ConfigureAwait(false);
        var runId = await store.StartRunAsync(kind, sourceText, range, cancellationToken).ConfigureAwait(false);
        var withHistory = HourRange.Ending(range.End, range.Hours + historyHours);
        var windows = await HourWindowReader.ReadAsync(store, names, withHistory, templates, cancellationToken).ConfigureAwait(false);
        var first = windows.Count - range.Hours;
        var events = windows.Skip(first).Sum(w => (long)w.Total);
        if (events == 0 && !(silenceIsAVerdict && await store.GetEventSpanAsync(names, range.Start, cancellationToken).ConfigureAwait(false) is not null))
        {
            var error = new NoEventsException(sourceText, range);
            await store.FinishRunAsync(runId, new RunOutcome(false, 0, 0, 0, error.Message), null, [], cancellationToken).ConfigureAwait(false);
            throw error;
        }

        return new CollectedRun(runId, sourceText, names, range, windows, first, events, collected);
    }
}
