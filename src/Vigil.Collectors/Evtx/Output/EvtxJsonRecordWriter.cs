using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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

    // One entry per data name: its escaped key, whether it clashes with a System key, and the last record it was
    // written in. One ordinal lookup per value instead of three (system set, duplicate set, key cache).
    private readonly Dictionary<string, DataKey> _keys = new(StringComparer.Ordinal);
    private int _record;
    private readonly Utf8Buffer _quoted = new(1024);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8JsonWriter json, EvtxEventFields fields, EvtxRecord record)
    {
        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear();
        }

        _record++;
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
        var data = CollectionsMarshal.AsSpan(fields.Data);
        for (var i = 0; i < data.Length; i++)
        {
            var key = Key(data[i].Name);
            if (key.System || key.Record == _record)
            {
                // A repeated name or one that is also a System key: rare, so the exact renaming runs from here on.
                WriteRenamed(json, fields, data, i);
                break;
            }

            key.Record = _record;
            WriteValue(json, key.Encoded, fields.Value(data[i]));
        }

        json.WriteEndObject();
    }

    /// <summary>Writes the values from <paramref name="from"/> on, suffixing _2, _3... to names already used.</summary>
    private void WriteRenamed(Utf8JsonWriter json, EvtxEventFields fields, ReadOnlySpan<EvtxDataField> data, int from)
    {
        _names.Clear();
        for (var i = 0; i < from; i++)
        {
            _names.Add(data[i].Name);
        }

        for (var i = from; i < data.Length; i++)
        {
            var name = data[i].Name;
            if (!s_systemKeys.Contains(name) && _names.Add(name))
            {
                json.WriteString(Key(name).Encoded, fields.Value(data[i]));
                continue;
            }

            var key = name;
            for (var n = 2; s_systemKeys.Contains(key) || !_names.Add(key); n++)
            {
                key = $"{name}_{n}";
            }

            json.WriteString(key, fields.Value(data[i]));
        }
    }

    private void WriteValue(Utf8JsonWriter json, JsonEncodedText key, ReadOnlySpan<byte> value)
    {
        if (!Ascii.IsValid(value))
        {
            json.WriteString(key, value);
            return;
        }

        _quoted.Clear();
        JsonAsciiString.Write(_quoted, value);
        json.WritePropertyName(key);
        json.WriteRawValue(_quoted.WrittenSpan, skipInputValidation: true);
    }

    private DataKey Key(string name)
    {
        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, name, out _);
        return key ??= new DataKey(JsonEncodedText.Encode(name, Encoder), s_systemKeys.Contains(name));
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

    private sealed class DataKey(JsonEncodedText encoded, bool system)
    {
        public JsonEncodedText Encoded { get; } = encoded;

        public bool System { get; } = system;

        /// <summary>The last record (a count kept by the writer) this name was written in.</summary>
        public int Record { get; set; }
    }
}
