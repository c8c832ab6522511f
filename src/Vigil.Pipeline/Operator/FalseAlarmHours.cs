using Vigil.Core.Events;
using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Storage.Operator;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// Hours the operator called false alarms join the next training as normal hours: their windows, built from the store
/// by the same aggregation (and template miner) as the training week's, are added to it. Hours inside the week are
/// already in it; hours after it are not yet known. In a fleet a false alarm that names a host is that host's only:
/// it joins the training of the scopes whose stored source names parse (<see cref="HostSource.TryParse"/>) with that
/// host; one that names no host joins every scope's, as on a single host.
/// </summary>
internal static class FalseAlarmHours
{
    /// <summary>The hours the operator called false alarms of the scope of <paramref name="sources"/> (stored source names).</summary>
    public static async Task<IReadOnlySet<DateTime>> ListAsync(VigilContext context, IReadOnlyCollection<string> sources, CancellationToken cancellationToken) =>
        (await ForAsync(context, sources, cancellationToken).ConfigureAwait(false)).Select(a => a.Hour).ToHashSet();

    public static async Task<IReadOnlyList<HourWindow>> ReadAsync(VigilContext context, IReadOnlyCollection<string> sources, HourRange training, TemplateMiner templates, CancellationToken cancellationToken)
    {
        var windows = new List<HourWindow>();
        foreach (var hour in await ListAsync(context, sources, cancellationToken).ConfigureAwait(false))
        {
            if (hour >= training.Start && hour < training.End)
            {
                continue;
            }

            var read = await HourWindowReader.ReadAsync(context.Store, sources, new HourRange(hour, hour.AddHours(1)), templates, cancellationToken).ConfigureAwait(false);
            windows.AddRange(read.Where(w => w.Total > 0));
        }

        return [.. windows.OrderBy(w => w.Hour)];
    }

    /// <summary>Whether <paramref name="alarm"/> speaks of the scope of <paramref name="sources"/>: it names no host, or one of theirs.</summary>
    public static bool Covers(FalseAlarm alarm, IReadOnlyCollection<string> sources) =>
        alarm.Host is null || sources.Any(s => HostSource.TryParse(s, out var host, out _) && string.Equals(host, alarm.Host, StringComparison.Ordinal));

    private static async Task<IEnumerable<FalseAlarm>> ForAsync(VigilContext context, IReadOnlyCollection<string> sources, CancellationToken cancellationToken) =>
        (await context.OperatorState.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false)).Where(a => Covers(a, sources));
}
