using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// The common start of setup and detect: read the sources into the store, settle the range, record the run and
/// summarise its hours. Fails with the seed's "Collected 0 events" (recorded on the run) when the range is empty.
/// </summary>
internal sealed record CollectedRun(long RunId, string Sources, IReadOnlyList<string> SourceNames, HourRange Range, IReadOnlyList<HourlySummary> Summaries, long Events, CollectResult Collected)
{
    public static async Task<CollectedRun> StartAsync(VigilContext context, string kind, RunRequest request, int hours, IProgress<PipelineProgress>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var sources = context.Sources(request.Sources);
        var names = sources.Select(s => s.Name).ToArray();
        var sourceText = string.Join(", ", names);
        var store = context.Store;
        var collector = new EventCollector(store, context.Config.Vigil.MinLevel, warn);

        CollectResult collected;
        HourRange range;
        if (RangeResolver.NeedsFullRead(sources, request.Now))
        {
            collected = await collector.CollectAsync(sources, DateTime.MinValue, DateTime.MaxValue, progress, cancellationToken).ConfigureAwait(false);
            range = await RangeResolver.ResolveAsync(sources, store, request.Now, hours, context.Clock, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            range = await RangeResolver.ResolveAsync(sources, store, request.Now, hours, context.Clock, cancellationToken).ConfigureAwait(false);
            collected = await collector.CollectAsync(sources, range.Start, range.End, progress, cancellationToken).ConfigureAwait(false);
        }

        var runId = await store.StartRunAsync(kind, sourceText, range, cancellationToken).ConfigureAwait(false);
        var summaries = await store.GetHourlySummariesAsync(names, range, cancellationToken).ConfigureAwait(false);
        var events = summaries.Sum(s => (long)s.TotalEvents);
        if (events == 0)
        {
            var error = new NoEventsException(sourceText, range);
            await store.FinishRunAsync(runId, new RunOutcome(false, 0, 0, 0, error.Message), [], cancellationToken).ConfigureAwait(false);
            throw error;
        }

        return new CollectedRun(runId, sourceText, names, range, summaries, events, collected);
    }
}
