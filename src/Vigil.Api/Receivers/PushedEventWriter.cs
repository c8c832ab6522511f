using Vigil.Core.Events;
using Vigil.Ingest;

namespace Vigil.Api.Receivers;

/// <summary>
/// Stores what the receivers accepted, grouped by stored source name (<c>host:NAME/SOURCE</c>), through the one
/// ingestion road. Each group commits on its own; a failure part-way is answered as retryable and the resend is
/// deduplicated by the store, so nothing is stored twice and nothing acknowledged is lost.
/// </summary>
internal sealed class PushedEventWriter
{
    private readonly EventIngestor _ingestor;

    public PushedEventWriter(EventIngestor ingestor) => _ingestor = ingestor;

    /// <summary>Returns how many events were new to the store.</summary>
    public async Task<int> StoreAsync(IEnumerable<(string StoredSource, LogEvent Event)> events)
    {
        var added = 0;
        foreach (var group in events.GroupBy(e => e.StoredSource, e => e.Event, StringComparer.Ordinal))
        {
            added += (await _ingestor.StorePushedAsync(group.Key, [.. group]).ConfigureAwait(false)).Added;
        }

        return added;
    }
}
