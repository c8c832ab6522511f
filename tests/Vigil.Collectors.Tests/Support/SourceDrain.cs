using Vigil.Collectors;
using Vigil.Core.Events;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Runs a live source through the ingestion road once (from the store's checkpoint until caught up) and reads back what was stored.</summary>
internal static class SourceDrain
{
    public static async Task<int> IngestOnceAsync(ILiveLogSource source, IEventStore store, Action<string>? warn = null) =>
        (int)(await new EventIngestor(store, IngestPolicy.Default, warn ?? (static _ => { })).IngestAsync(source, CancellationToken.None)).Added;

    public static async Task<List<LogEvent>> StoredAsync(IEventStore store, string source)
    {
        var all = new List<LogEvent>();
        var range = new Vigil.Core.Windows.HourRange(new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await foreach (var e in store.ReadEventsAsync([source], range, CancellationToken.None))
        {
            all.Add(e);
        }

        return all;
    }

    public static async Task<List<LogEvent>> ReadAllAsync(ILogSource source, Action<string>? warn = null)
    {
        var all = new List<LogEvent>();
        await foreach (var e in source.ReadAsync(new SourceReadOptions { Warn = warn ?? (static _ => { }) }, CancellationToken.None))
        {
            all.Add(e);
        }

        return all;
    }
}
