using Vigil.Collectors;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// Decides which hours a run covers. "Now" is <c>--now</c> when given; for live sources the start of the current hour; for files read after
/// the fact, the end of the hour of their newest event (so a week exported last month is analysed as that week).
/// </summary>
internal static class RangeResolver
{
    /// <summary>True when the sources must be read whole before the range is known.</summary>
    public static bool NeedsFullRead(IReadOnlyList<ILogSource> sources, DateTime? now) => now is null && sources.All(s => !s.IsLive);

    public static async Task<HourRange> ResolveAsync(IReadOnlyList<ILogSource> sources, IEventStore store, DateTime? now, int hours, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (now is { } given)
        {
            return HourRange.Ending(given, hours);
        }

        if (sources.Any(s => s.IsLive))
        {
            // Only whole hours: the hour in progress would look like a quiet, abnormal hour.
            return HourRange.Ending(HourRange.FloorHour(clock.GetUtcNow().UtcDateTime), hours);
        }

        var newest = await store.GetNewestEventTimeAsync([.. sources.Select(s => s.Name)], cancellationToken).ConfigureAwait(false);

        // The newest event's own hour must be inside the range, even when it starts exactly on the hour.
        return HourRange.Ending((newest ?? clock.GetUtcNow().UtcDateTime).AddTicks(1), hours);
    }
}
