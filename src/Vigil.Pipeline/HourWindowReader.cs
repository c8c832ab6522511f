using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>Builds the per-hour windows the vigil model needs from the stored events.</summary>
internal static class HourWindowReader
{
    public static async Task<IReadOnlyList<HourWindow>> ReadAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken)
    {
        var builder = new HourWindowBuilder(range);
        await foreach (var e in store.ReadEventsAsync(sources, range, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(e);
        }

        return builder.Windows;
    }
}
