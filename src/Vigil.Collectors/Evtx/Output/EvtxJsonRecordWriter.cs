using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Writes one record as a flat JSON object: the System fields first, then EventData/UserData values by name
/// (a repeated name gets a _2, _3... suffix so no key is lost).
/// </summary>
internal static class EvtxJsonRecordWriter
{
    [ThreadStatic]
    private static HashSet<string>? t_names;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter json, EvtxEventFields fields, EvtxRecord record)
    {
        var names = t_names ??= new HashSet<string>(StringComparer.Ordinal);
        names.Clear();
        json.WriteStartObject();
        json.WriteNumber("EventRecordID", fields.EventRecordId ?? record.Id);
        var time = fields.TimeCreated ?? EvtxTime.FromFileTime(record.WrittenTime);
        if (time is { } t)
        {
            // Formatted on the stack: a string per record costs more than the rest of the System fields together.
            Span<char> text = stackalloc char[32];
            t.TryFormat(text, out var length, EvtxDumper.TimeFormat, CultureInfo.InvariantCulture);
            json.WriteString("TimeCreated", text[..length]);
        }

        WriteNumber(json, "EventID", fields.EventId);
        WriteNumber(json, "Qualifiers", fields.Qualifiers);
        WriteNumber(json, "Level", fields.Level);
        WriteString(json, "Provider", fields.Provider);
        WriteString(json, "Channel", fields.Channel);
        WriteString(json, "Computer", fields.Computer);
        foreach (var name in (ReadOnlySpan<string>)["EventRecordID", "TimeCreated", "EventID", "Qualifiers", "Level", "Provider", "Channel", "Computer"])
        {
            names.Add(name);
        }

        foreach (var field in fields.Data)
        {
            var key = field.Name;
            for (var n = 2; !names.Add(key); n++)
            {
                key = $"{field.Name}_{n}";
            }

            json.WriteString(key, fields.Value(field));
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
