using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Picks the System fields and the named EventData/UserData values out of a rendered record, without building XML.
/// </summary>
internal sealed class FieldCollectorSink : IBinXmlSink
{
    private readonly Utf8Interner _interned = new();
    // Depth is bounded by the renderer (it refuses deeper nesting before the sink sees it).
    private readonly BinXmlName[] _path = new BinXmlName[BinXmlRenderer.MaxElementDepth + 1];
    private int _depth;
    private readonly Utf8Buffer _text = new();
    private readonly Utf8Buffer _attribute = new();
    private BinXmlName? _attributeName;
    private KnownName _keptAttribute;
    private string? _dataName;

    public EvtxEventFields Fields { get; } = new();

    public void Reset()
    {
        Fields.Clear();
        _depth = 0;
        _text.Clear();
        _attributeName = null;
        _dataName = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartElement(BinXmlName name)
    {
        _path[_depth++] = name;
        _text.Clear();
        _dataName = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartAttribute(BinXmlName name)
    {
        _attributeName = name;
        _keptAttribute = KeptAttribute();
        _attribute.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndAttribute()
    {
        // Strings are made only for the few attributes kept: most records carry a dozen that are not.
        switch (_keptAttribute)
        {
            case KnownName.Provider:
                Fields.Provider = _interned.Get(_attribute.WrittenSpan);
                break;
            case KnownName.Qualifiers:
                Fields.Qualifiers = ParseInt(_attribute);
                break;
            case KnownName.Data:
                _dataName = _interned.Get(_attribute.WrittenSpan);
                break;
        }

        _attributeName = null;
    }

    public void EndStartTag()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement(BinXmlName element)
    {
        var section = Section();
        if (section == KnownName.System && _depth == 3)
        {
            AssignSystem(element.Known, _text);
        }
        else if (section == KnownName.EventData && _depth == 3)
        {
            Fields.AddData(_dataName ?? element.Text, _text.WrittenSpan);
        }
        else if (section == KnownName.UserData && _depth >= 4 && _text.Length > 0)
        {
            Fields.AddData(element.Text, _text.WrittenSpan);
        }

        _depth = Math.Max(0, _depth - 1);
        _text.Clear();
        _dataName = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Value(byte type, ReadOnlySpan<byte> data)
    {
        if (_attributeName?.Known == KnownName.SystemTime && type == BinXmlValueType.FileTime && data.Length == 8)
        {
            Fields.TimeCreated = EvtxTime.FromFileTime(BinaryPrimitives.ReadInt64LittleEndian(data));
        }

        // Values nobody reads (SIDs, GUIDs, keywords, process ids) are not formatted at all.
        if (_attributeName is null ? !KeepsText() : _keptAttribute == KnownName.Other)
        {
            return;
        }

        BinXmlValueFormatter.Append(_attributeName is null ? _text : _attribute, type, data, xmlEscape: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool KeepsText() =>
        Section() != KnownName.System || (_depth == 3 && _path[2].Known is KnownName.EventID or KnownName.Level or KnownName.EventRecordID or KnownName.Channel or KnownName.Computer);

    /// <summary>
    /// Which kept attribute the current one is: System/Provider@Name (Provider), System/EventID@Qualifiers
    /// (Qualifiers), EventData/Data@Name (Data), or Other for the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private KnownName KeptAttribute()
    {
        var element = _depth > 0 ? _path[_depth - 1].Known : KnownName.Other;
        return (Section(), element, _attributeName?.Known) switch
        {
            (KnownName.System, KnownName.Provider, KnownName.Name) => KnownName.Provider,
            (KnownName.System, KnownName.EventID, KnownName.Qualifiers) => KnownName.Qualifiers,
            (KnownName.EventData, KnownName.Data, KnownName.Name) => KnownName.Data,
            _ => KnownName.Other,
        };
    }

    public void CharRef(ushort value)
    {
        var rune = Rune.TryCreate((char)value, out var r) ? r : Rune.ReplacementChar;
        var output = Current();
        output.Advance(rune.EncodeToUtf8(output.GetSpan(4)));
    }

    public void EntityRef(BinXmlName name)
    {
        var output = Current();
        switch (name.Text)
        {
            case "amp": output.Write((byte)'&'); break;
            case "lt": output.Write((byte)'<'); break;
            case "gt": output.Write((byte)'>'); break;
            case "quot": output.Write((byte)'"'); break;
            case "apos": output.Write((byte)'\''); break;
            default:
                output.Write((byte)'&');
                output.Write(name.Utf8);
                output.Write((byte)';');
                break;
        }
    }

    public void CData(ReadOnlySpan<char> text) => BinXmlValueFormatter.AppendText(Current(), text, xmlEscape: false);

    public void ProcessingInstruction(BinXmlName target, ReadOnlySpan<char> data)
    {
    }

    private Utf8Buffer Current() => _attributeName is null ? _text : _attribute;

    /// <summary>The child of Event the current element is in: System, EventData, UserData...</summary>
    private KnownName Section() => _depth >= 2 ? _path[1].Known : KnownName.Other;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AssignSystem(KnownName name, Utf8Buffer text)
    {
        switch (name)
        {
            case KnownName.EventID:
                Fields.EventId = ParseInt(text) is { } id ? id & 0xffff : null;
                break;
            case KnownName.Level:
                Fields.Level = ParseInt(text);
                break;
            case KnownName.EventRecordID:
                Fields.EventRecordId = ulong.TryParse(text.WrittenSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId) ? recordId : null;
                break;
            case KnownName.Channel:
                Fields.Channel = _interned.Get(text.WrittenSpan);
                break;
            case KnownName.Computer:
                Fields.Computer = _interned.Get(text.WrittenSpan);
                break;
        }
    }

    private static int? ParseInt(Utf8Buffer text) =>
        long.TryParse(text.WrittenSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? (int)value : null;
}
