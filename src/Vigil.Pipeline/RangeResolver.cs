using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// Decides which hours a run covers, with one rule for every kind of source. "Now" is <c>--now</c> when given.
/// Otherwise it is the clock (the start of the current hour: the hour in progress would look like a quiet one) —
/// unless the newest stored event of the sources is more than a week old: then the sources are a record of the past
/// (an export read after the fact) and "now" is the end of that event's hour. Events dated after the clock plus
/// <c>future_tolerance_hours</c> never count as the newest. Every range is clamped to representable dates.
/// </summary>
internal static class RangeResolver
{
    /// <summary>How old the newest event must be for the sources to be read as a record of the past.</summary>
    public static readonly TimeSpan PastRecordAge = TimeSpan.FromHours(Configuration.DetectionSettings.TrainingHours);

    public static async Task<HourRange> ResolveAsync(IReadOnlyCollection<string> sources, IEventStore store, DateTime? now, int hours, DateTime clock, DateTime futureLimit, Action<string> warn, CancellationToken cancellationToken)
    {
        if (now is { } given)
        {
            return HourRange.Ending(given, hours);
        }

        var current = HourRange.FloorHour(clock);
        var span = await store.GetEventSpanAsync(sources, futureLimit, cancellationToken).ConfigureAwait(false);
        if (span is null || current - span.Last <= PastRecordAge)
        {
            return HourRange.Ending(current, hours);
        }

        // The newest event's own hour must be inside the range, even when it starts exactly on the hour.
        var range = HourRange.Ending(HourRange.EndOfHour(span.Last), hours);
        warn($"The newest event of {string.Join(", ", sources)} is from {span.Last:yyyy-MM-dd HH:mm} UTC, over a week ago: analysing up to it ({range}); pass --now to choose the hours.");
        return range;
    }
}
