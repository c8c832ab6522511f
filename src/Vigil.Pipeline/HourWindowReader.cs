using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// Builds hour windows from the stored events — the one hourly aggregation and level mapping every reader uses
/// (setup, detect, export, the API). Events without an event id (syslog, text and journald lines) get their log
/// template's id when a miner is given, so the vigil model counts "what kind of event" for them too.
/// </summary>
internal static class HourWindowReader
{
    public static async Task<IReadOnlyList<HourWindow>> ReadAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange range, TemplateMiner? templates, CancellationToken cancellationToken)
    {
        var builder = new HourWindowBuilder(range);
        await foreach (var e in store.ReadEventsAsync(sources, range, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(templates is not null && e.EventId == 0 && !string.IsNullOrEmpty(e.Message) ? e with { EventId = templates.Add(e.Message).TemplateId } : e);
        }

        return builder.Windows;
    }

    /// <summary>One window per hour that has events, streamed: for spans too long to lay out hour by hour.</summary>
    public static IAsyncEnumerable<HourWindow> StreamAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken) =>
        HourWindowBuilder.StreamAsync(store.ReadEventsAsync(sources, range, cancellationToken));
}
