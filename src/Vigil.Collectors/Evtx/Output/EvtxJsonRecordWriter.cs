using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Writes one record as a flat JSON object: the System fields first, then EventData/UserData values by name
/// (a repeated name gets a _2, _3... suffix so no key is lost). One per worker: it keeps the names it has escaped.
/// </summary>
internal sealed class EvtxJsonRecordWriter
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private const int MaxCachedKeys = 4096;

    private static readonly JsonEncodedText s_recordId = JsonEncodedText.Encode("EventRecordID", Encoder);
    private static readonly JsonEncodedText s_timeCreated = JsonEncodedText.Encode("TimeCreated", Encoder);
    private static readonly JsonEncodedText s_eventId = JsonEncodedText.Encode("EventID", Encoder);
    private static readonly JsonEncodedText s_qualifiers = JsonEncodedText.Encode("Qualifiers", Encoder);
    private static readonly JsonEncodedText s_level = JsonEncodedText.Encode("Level", Encoder);
    private static readonly JsonEncodedText s_provider = JsonEncodedText.Encode("Provider", Encoder);
    private static readonly JsonEncodedText s_channel = JsonEncodedText.Encode("Channel", Encoder);
    private static readonly JsonEncodedText s_computer = JsonEncodedText.Encode("Computer", Encoder);

    private static readonly FrozenSet<string> s_systemKeys =
        FrozenSet.Create(StringComparer.Ordinal, "EventRecordID", "TimeCreated", "EventID", "Qualifiers", "Level", "Provider", "Channel", "Computer");

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    // Data names are interned by the field collector, so the same reference comes back record after record.
    private readonly Dictionary<string, JsonEncodedText> _keys = new(ReferenceEqualityComparer.Instance);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8JsonWriter json, EvtxEventFields fields, EvtxRecord record)
    {
        _names.Clear();
        json.WriteStartObject();
        json.WriteNumber(s_recordId, fields.EventRecordId ?? record.Id);
        var time = fields.TimeCreated ?? EvtxTime.FromFileTime(record.WrittenTime);
        if (time is { } t)
        {
            // Formatted on the stack: a string per record costs more than the rest of the System fields together.
            Span<byte> text = stackalloc byte[28];
            BinXmlValueFormatter.WriteIsoTime(text, t);
            text[27] = (byte)'Z';
            json.WriteString(s_timeCreated, text);
        }

        WriteNumber(json, s_eventId, fields.EventId);
        WriteNumber(json, s_qualifiers, fields.Qualifiers);
        WriteNumber(json, s_level, fields.Level);
        WriteString(json, s_provider, fields.Provider);
        WriteString(json, s_channel, fields.Channel);
        WriteString(json, s_computer, fields.Computer);
        foreach (var field in fields.Data)
        {
            var name = field.Name;
            if (!s_systemKeys.Contains(name) && _names.Add(name))
            {
                json.WriteString(Key(name), fields.Value(field));
                continue;
            }

            var key = name;
            for (var n = 2; s_systemKeys.Contains(key) || !_names.Add(key); n++)
            {
                key = $"{name}_{n}";
            }

            json.WriteString(key, fields.Value(field));
        }

        json.WriteEndObject();
    }

    private JsonEncodedText Key(string name)
    {
        if (!_keys.TryGetValue(name, out var key))
        {
            if (_keys.Count >= MaxCachedKeys)
            {
                _keys.Clear();
            }

            key = JsonEncodedText.Encode(name, Encoder);
            _keys[name] = key;
        }

        return key;
    }

    private static void WriteNumber(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static void WriteString(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
