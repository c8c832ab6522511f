using Vigil.Core.Templates;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>
/// Builds the per-hour windows the vigil model needs from the stored events. Events without an event id (syslog,
/// text and journald lines) get their log template's id instead, so the model counts "what kind of event" for them too.
/// </summary>
internal static class HourWindowReader
{
    public static async Task<IReadOnlyList<HourWindow>> ReadAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange range, TemplateMiner templates, CancellationToken cancellationToken)
    {
        var builder = new HourWindowBuilder(range);
        await foreach (var e in store.ReadEventsAsync(sources, range, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(e.EventId == 0 && !string.IsNullOrEmpty(e.Message) ? e with { EventId = templates.Add(e.Message).TemplateId } : e);
        }

        return builder.Windows;
    }
}
