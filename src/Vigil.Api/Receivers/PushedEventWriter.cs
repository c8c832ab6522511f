using Vigil.Core.Events;
using Vigil.Ingest;

namespace Vigil.Api.Receivers;

/// <summary>
/// Stores what the receivers accepted, grouped by stored source name (<c>host:NAME/SOURCE</c>), through the one
/// ingestion road. The groups are handed to the store at once, so a store that commits concurrent batches together
/// (PostgreSQL) writes a request of many hosts in one transaction; this returns when every group committed. A failure
/// of any group is answered as retryable and the resend is deduplicated by the store, so nothing is stored twice and
/// nothing acknowledged is lost.
/// </summary>
internal sealed class PushedEventWriter
{
    private readonly EventIngestor _ingestor;

    public PushedEventWriter(EventIngestor ingestor) => _ingestor = ingestor;

    /// <summary>Returns how many events were new to the store.</summary>
    public async Task<int> StoreAsync(IEnumerable<(string StoredSource, LogEvent Event)> events)
    {
        var stored = events
            .GroupBy(e => e.StoredSource, e => e.Event, StringComparer.Ordinal)
            .Select(group => _ingestor.StorePushedAsync(group.Key, [.. group]))
            .ToList();

        // Every group is waited for before a failure is reported: none is still being written when the sender is told to retry.
        var results = await Task.WhenAll(stored).ConfigureAwait(false);
        return results.Sum(r => r.Added);
    }
}
