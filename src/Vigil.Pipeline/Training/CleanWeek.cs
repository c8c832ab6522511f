using Vigil.Core.Detection;
using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline.Training;

/// <summary>
/// The hours a retrain learns from: the latest week without the hours a detection flagged or a maintenance window
/// suppressed (an attack or a patch night must not become normal) — unless the operator called the hour a false
/// alarm. Each hour left out is replaced by the same hour of the week before (up to <see cref="WeeksBack"/> weeks
/// back) when that one is clean and within the stored data, so the weekly rhythm stays whole. The kinds of the hours
/// left out still count as seen: a benign new kind that paged is known to the next model, its burst is not its baseline.
/// </summary>
/// <param name="Windows">The clean hours, in time order.</param>
/// <param name="LeftOut">The flagged and suppressed hours of the week, for their kinds only.</param>
internal sealed record CleanWeek(IReadOnlyList<HourWindow> Windows, IReadOnlyList<HourWindow> LeftOut, int Replaced)
{
    public const int WeeksBack = 3;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static async Task<CleanWeek> SelectAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange week, IReadOnlyList<HourWindow> windows, IReadOnlySet<DateTime> falseAlarms, TemplateMiner templates, CancellationToken cancellationToken)
    {
        var scope = new VerdictScope(sources).Key;
        var lookBack = new HourRange(week.Start - (WeeksBack * Week), week.End);
        var flagged = (await store.GetVerdictsAsync(scope, lookBack, cancellationToken).ConfigureAwait(false))
            .Where(v => (v.Hour.IsAnomaly || v.Hour.Suppressed) && !falseAlarms.Contains(v.Hour.Summary.Hour))
            .Select(v => v.Hour.Summary.Hour)
            .ToHashSet();
        var first = (await store.GetEventSpanAsync(sources, week.End, cancellationToken).ConfigureAwait(false))?.First;

        var clean = new List<HourWindow>();
        var leftOut = new List<HourWindow>();
        var replaced = 0;
        foreach (var window in windows)
        {
            if (!flagged.Contains(window.Hour))
            {
                clean.Add(window);
                continue;
            }

            leftOut.Add(window);
            for (var back = 1; back <= WeeksBack; back++)
            {
                var earlier = window.Hour - (back * Week);
                if (first is null || earlier < HourRange.FloorHour(first.Value))
                {
                    break;
                }

                if (!flagged.Contains(earlier))
                {
                    clean.AddRange(await HourWindowReader.ReadAsync(store, sources, new HourRange(earlier, earlier + HourRange.Hour), templates, cancellationToken).ConfigureAwait(false));
                    replaced++;
                    break;
                }
            }
        }

        return new CleanWeek([.. clean.OrderBy(w => w.Hour)], leftOut, replaced);
    }
}
