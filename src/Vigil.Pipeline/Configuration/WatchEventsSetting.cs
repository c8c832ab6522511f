using Vigil.Core.Rules;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Reads <c>[detection] watch_events</c>: comma-separated <c>Provider/EventId=severity</c> entries (low, medium, high)
/// that add kinds to the security-event catalogue or regrade its own, e.g.
/// <c>Service Control Manager/7040=medium, MyApp/1000=high</c>.
/// </summary>
internal static class WatchEventsSetting
{
    public static IReadOnlyList<WatchedEvent> Read(SettingReader r)
    {
        var text = r.OptionalString("detection", "watch_events");
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var events = new List<WatchedEvent>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.LastIndexOf('=');
            var severity = equals > 0 ? SecurityEventCatalogue.ParseSeverity(entry[(equals + 1)..]) : null;
            if (severity is null || !AcceptedKinds.TryParse(entry[..equals], out var provider, out var id) || provider is null)
            {
                throw r.Invalid("detection", "watch_events", entry, "is not Provider/EventId=severity (severity low, medium or high), e.g. 'Service Control Manager/7045=high'");
            }

            events.Add(new WatchedEvent(provider, id, severity.Value, string.Empty));
        }

        return events;
    }
}
