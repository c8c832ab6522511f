using System.Text.Json;
using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Core.Rules;

/// <summary>
/// Which Windows event kinds matter the first time a host shows them, and how much: the embedded
/// <c>security-events.json</c> (its sources are cited in the file) with the operator's overrides on top.
/// Providers match without regard to case; a kind not in the catalogue is <see cref="AnomalySeverity.Low"/>.
/// </summary>
public sealed class SecurityEventCatalogue
{
    private const string Resource = "Vigil.Core.Rules.security-events.json";

    private static readonly Lazy<SecurityEventCatalogue> Embedded = new(LoadEmbedded);

    private readonly Dictionary<(string Provider, long EventId), WatchedEvent> _events;

    private SecurityEventCatalogue(Dictionary<(string, long), WatchedEvent> events) => _events = events;

    /// <summary>The catalogue shipped with Vigil.</summary>
    public static SecurityEventCatalogue Default => Embedded.Value;

    public int Count => _events.Count;

    public IEnumerable<WatchedEvent> Events => _events.Values;

    /// <summary>This catalogue with <paramref name="overrides"/> replacing (or adding) entries of the same kind.</summary>
    public SecurityEventCatalogue With(IEnumerable<WatchedEvent> overrides)
    {
        var events = new Dictionary<(string, long), WatchedEvent>(_events);
        foreach (var e in overrides)
        {
            var meaning = e.Meaning.Length == 0 && events.TryGetValue(Key(e.Provider, e.EventId), out var old) ? old.Meaning : e.Meaning;
            events[Key(e.Provider, e.EventId)] = e with { Meaning = meaning };
        }

        return new SecurityEventCatalogue(events);
    }

    public WatchedEvent? Find(EventKey key) => _events.GetValueOrDefault(Key(key.Provider, key.EventId));

    /// <summary>Reads a severity word of the catalogue or of the config: low, medium or high.</summary>
    public static AnomalySeverity? ParseSeverity(string word) => word.Trim().ToLowerInvariant() switch
    {
        "low" => AnomalySeverity.Low,
        "medium" => AnomalySeverity.Medium,
        "high" => AnomalySeverity.High,
        _ => null,
    };

    private static (string, long) Key(string provider, long eventId) => (provider.ToLowerInvariant(), eventId);

    private static SecurityEventCatalogue LoadEmbedded()
    {
        // An embedded resource, not a file: Core does no I/O and the catalogue cannot go missing from an install.
        using var stream = typeof(SecurityEventCatalogue).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in Vigil.Core");
        using var document = JsonDocument.Parse(stream);
        var events = new Dictionary<(string, long), WatchedEvent>();
        foreach (var e in document.RootElement.GetProperty("events").EnumerateArray())
        {
            var provider = e.GetProperty("provider").GetString()!;
            var id = e.GetProperty("id").GetInt64();
            var severity = ParseSeverity(e.GetProperty("severity").GetString()!)
                ?? throw new InvalidOperationException($"{Resource}: {provider}/{id} has an unknown severity");
            events[Key(provider, id)] = new WatchedEvent(provider, id, severity, e.GetProperty("meaning").GetString()!);
        }

        return new SecurityEventCatalogue(events);
    }
}
