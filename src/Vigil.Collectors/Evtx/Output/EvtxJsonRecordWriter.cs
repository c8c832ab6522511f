using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Writes one record as a flat JSON object: the System fields first, then EventData/UserData values by name
/// (a repeated name gets a _2, _3... suffix so no key is lost). One per worker: it keeps the names and texts it has
/// escaped. The bytes are what <see cref="Utf8JsonWriter"/> wrote for the same calls (minimized, <see cref="Encoder"/>);
/// they are written by hand because the writer's per-call bookkeeping and its dozens of small methods, recompiled by
/// the runtime's tiers during a short dump, made JSON output cost more than XML.
/// </summary>
internal sealed class EvtxJsonRecordWriter
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private const int MaxCachedKeys = 4096;

    private static readonly FrozenSet<string> s_systemKeys =
        FrozenSet.Create(StringComparer.Ordinal, "EventRecordID", "TimeCreated", "EventID", "Qualifiers", "Level", "Provider", "Channel", "Computer");

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    // One entry per data name: its escaped key, whether it clashes with a System key, and the last record it was
    // written in. One ordinal lookup per value instead of three (system set, duplicate set, key cache).
    private readonly Dictionary<string, DataKey> _keys = new(StringComparer.Ordinal);

    // Provider, channel and computer strings are interned by the field collector, so the same few come back record
    // after record: each is escaped once.
    private readonly Dictionary<string, byte[]> _texts = new(StringComparer.Ordinal);
    private int _record;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8Buffer output, EvtxEventFields fields, EvtxRecord record)
    {
        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear();
        }

        if (_texts.Count >= MaxCachedKeys)
        {
            _texts.Clear();
        }

        _record++;
        output.Write("{\"EventRecordID\":"u8);
        BinXmlValueFormatter.AppendNumber(output, fields.EventRecordId ?? record.Id);
        var time = fields.TimeCreated ?? EvtxTime.FromFileTime(record.WrittenTime);
        if (time is { } t)
        {
            output.Write(",\"TimeCreated\":\""u8);
            var text = output.GetSpan(29);
            BinXmlValueFormatter.WriteIsoTime(text, t);
            "Z\""u8.CopyTo(text[27..]);
            output.Advance(29);
        }

        WriteNumber(output, ",\"EventID\":"u8, fields.EventId);
        WriteNumber(output, ",\"Qualifiers\":"u8, fields.Qualifiers);
        WriteNumber(output, ",\"Level\":"u8, fields.Level);
        WriteText(output, ",\"Provider\":"u8, fields.Provider);
        WriteText(output, ",\"Channel\":"u8, fields.Channel);
        WriteText(output, ",\"Computer\":"u8, fields.Computer);
        var data = CollectionsMarshal.AsSpan(fields.Data);
        for (var i = 0; i < data.Length; i++)
        {
            var key = Key(data[i].Name);
            if (key.System || key.Record == _record)
            {
                // A repeated name or one that is also a System key: rare, so the exact renaming runs from here on.
                WriteRenamed(output, fields, data, i);
                break;
            }

            key.Record = _record;
            output.Write(key.Property);
            JsonUtf8String.Write(output, fields.Value(data[i]));
        }

        output.Write((byte)'}');
    }

    /// <summary>Writes the values from <paramref name="from"/> on, suffixing _2, _3... to names already used.</summary>
    private void WriteRenamed(Utf8Buffer output, EvtxEventFields fields, ReadOnlySpan<EvtxDataField> data, int from)
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
                output.Write(Key(name).Property);
            }
            else
            {
                var key = name;
                for (var n = 2; s_systemKeys.Contains(key) || !_names.Add(key); n++)
                {
                    key = $"{name}_{n}";
                }

                output.Write(PropertyOf(key));
            }

            JsonUtf8String.Write(output, fields.Value(data[i]));
        }
    }

    private static void WriteNumber(Utf8Buffer output, ReadOnlySpan<byte> property, int? value)
    {
        if (value is { } v)
        {
            output.Write(property);
            BinXmlValueFormatter.AppendNumber(output, v);
        }
    }

    private void WriteText(Utf8Buffer output, ReadOnlySpan<byte> property, string? value)
    {
        if (value is null)
        {
            return;
        }

        ref var text = ref CollectionsMarshal.GetValueRefOrAddDefault(_texts, value, out _);
        text ??= JsonUtf8String.Encode(value);
        output.Write(property);
        output.Write(text);
    }

    private DataKey Key(string name)
    {
        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, name, out _);
        return key ??= new DataKey(PropertyOf(name), s_systemKeys.Contains(name));
    }

    /// <summary><c>,"name":</c> with the name escaped as the JSON writer escapes property names.</summary>
    private static byte[] PropertyOf(string name)
    {
        var encoded = JsonEncodedText.Encode(name, Encoder).EncodedUtf8Bytes;
        var property = new byte[encoded.Length + 4];
        property[0] = (byte)',';
        property[1] = (byte)'"';
        encoded.CopyTo(property.AsSpan(2));
        property[^2] = (byte)'"';
        property[^1] = (byte)':';
        return property;
    }

    private sealed class DataKey(byte[] property, bool system)
    {
        /// <summary>The key as written after the value before it: <c>,"name":</c>.</summary>
        public byte[] Property { get; } = property;

        public bool System { get; } = system;

        /// <summary>The last record (a count kept by the writer) this name was written in.</summary>
        public int Record { get; set; }
    }
}
