using Vigil.Core.Templates;
using Vigil.Core.Windows;

namespace Vigil.Pipeline.Operator;

/// <summary>
/// Hours the operator called false alarms join the next training as normal hours: their windows, built from the store
/// by the same aggregation (and template miner) as the training week's, are added to it. Hours inside the week are
/// already in it; hours after it are not yet known.
/// </summary>
internal static class FalseAlarmHours
{
    /// <summary>Every hour the operator called a false alarm.</summary>
    public static async Task<IReadOnlySet<DateTime>> ListAsync(VigilContext context, CancellationToken cancellationToken)
    {
        return (await context.OperatorState.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.Hour).ToHashSet();
    }

    public static async Task<IReadOnlyList<HourWindow>> ReadAsync(VigilContext context, IReadOnlyCollection<string> sources, HourRange training, TemplateMiner templates, CancellationToken cancellationToken)
    {
        var windows = new List<HourWindow>();
        foreach (var alarm in await context.OperatorState.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (alarm.Hour >= training.Start && alarm.Hour < training.End)
            {
                continue;
            }

            var hour = await HourWindowReader.ReadAsync(context.Store, sources, new HourRange(alarm.Hour, alarm.Hour.AddHours(1)), templates, cancellationToken).ConfigureAwait(false);
            windows.AddRange(hour.Where(w => w.Total > 0));
        }

        return windows;
    }
}
