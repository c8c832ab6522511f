using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Collectors.Files;

/// <summary>Reads an event from one JSON object, whose property names follow <see cref="EventFieldNames"/>.</summary>
internal static class JsonEventFields
{
    public static bool TryParse(JsonElement element, EventRecordParser parser, out LogEvent? logEvent, out string? error)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            logEvent = null;
            error = $"expected a JSON object, got {element.ValueKind}";
            return false;
        }

        var values = new Dictionary<EventField, string?>();
        foreach (var property in element.EnumerateObject())
        {
            if (EventFieldNames.Lookup(property.Name) is { } field && !values.ContainsKey(field))
            {
                values[field] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return parser.TryParse(f => values.GetValueOrDefault(f), out logEvent, out error);
    }
}
