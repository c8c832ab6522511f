using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Pipeline.Evaluation;

/// <summary>
/// <c>vigil evaluate --feedback</c>: precision as the operator judged it, week by week. An hour counts as flagged when
/// any stored verdict of it paged (flagged and not suppressed — what the operator was shown, whichever model it was),
/// and as a false alarm when the operator said so with <c>vigil feedback</c>; feedback on an hour that never paged
/// counts nowhere.
/// </summary>
public static class FeedbackPrecision
{
    public static IReadOnlyList<FeedbackWeek> ByWeek(IEnumerable<HourDetection> verdicts, IReadOnlySet<DateTime> falseAlarms) =>
        [.. verdicts.Where(v => v.Alerts)
            .Select(v => v.Summary.Hour)
            .Distinct()
            .GroupBy(WeekStart)
            .OrderBy(g => g.Key)
            .Select(g => new FeedbackWeek(g.Key, g.Count(), g.Count(falseAlarms.Contains)))];

    /// <summary>The weeks of the sources' stored verdicts (those of <c>[vigil] source</c> when <paramref name="sources"/> is null).</summary>
    public static async Task<IReadOnlyList<FeedbackWeek>> ReadAsync(VigilContext context, string? sources, CancellationToken cancellationToken)
    {
        var names = context.Sources(sources).Select(s => s.Name).ToArray();
        var span = await context.Store.GetEventSpanAsync(names, DateTime.MaxValue, cancellationToken).ConfigureAwait(false);
        if (span is null)
        {
            return [];
        }

        // Silent hours after the last event are scored too: the range runs up to the clock when that is later.
        var now = HourRange.FloorHour(context.Clock.GetUtcNow().UtcDateTime);
        var end = HourRange.EndOfHour(span.Last) > now ? HourRange.EndOfHour(span.Last) : now;
        var history = await context.Store.GetVerdictHistoryAsync(new VerdictScope(names).Key, new HourRange(HourRange.FloorHour(span.First), end), cancellationToken).ConfigureAwait(false);
        var falseAlarms = await Operator.FalseAlarmHours.ListAsync(context, names, cancellationToken).ConfigureAwait(false);
        return ByWeek(history.Select(v => v.Hour), falseAlarms);
    }

    private static DateTime WeekStart(DateTime hour)
    {
        var daysSinceMonday = ((int)hour.DayOfWeek + 6) % 7;
        return hour.Date.AddDays(-daysSinceMonday);
    }
}
