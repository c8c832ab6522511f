using Vigil.Collectors;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>Moves events from sources into the store in batches, each batch one transaction.</summary>
internal sealed class EventCollector
{
    private const int BatchSize = 10_000;

    private readonly IEventStore _store;
    private readonly int _minLevel;
    private readonly Action<string> _warn;

    public EventCollector(IEventStore store, int minLevel, Action<string> warn)
    {
        _store = store;
        _minLevel = minLevel;
        _warn = warn;
    }

    public async Task<CollectResult> CollectAsync(IReadOnlyList<ILogSource> sources, DateTime from, DateTime to, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        long read = 0;
        long added = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var share = 1.0 / sources.Count;
            var offset = i * share;
            var options = new SourceReadOptions
            {
                From = from,
                To = to,
                Warn = _warn,
                Progress = progress is null ? null : new SyncProgress<double>(f => progress.Report(new PipelineProgress("Collecting", offset + (f * share)))),
            };
            var batch = new List<LogEvent>(BatchSize);
            await foreach (var e in source.ReadAsync(options, cancellationToken).ConfigureAwait(false))
            {
                if (e.Level != LevelMapping.LogAlways && e.Level > _minLevel)
                {
                    continue;
                }

                read++;
                batch.Add(e);
                if (batch.Count == BatchSize)
                {
                    added += await _store.AddEventsAsync(source.Name, batch, null, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            added += await _store.AddEventsAsync(source.Name, batch, null, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new PipelineProgress("Collecting", 1));
        return new CollectResult(read, added);
    }
}
