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
    private readonly List<string> _path = [];
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _attribute = new();
    private string? _attributeName;
    private string? _dataName;

    public EvtxEventFields Fields { get; } = new();

    public void Reset()
    {
        Fields.Clear();
        _path.Clear();
        _text.Clear();
        _attributeName = null;
        _dataName = null;
    }

    public void StartElement(string name)
    {
        _path.Add(name);
        _text.Clear();
        _dataName = null;
    }

    public void StartAttribute(string name)
    {
        _attributeName = name;
        _attribute.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndAttribute()
    {
        // Strings are made only for the few attributes kept: most records carry a dozen that are not.
        var element = _path.Count > 0 ? _path[^1] : "";
        switch ((Section(), element, _attributeName))
        {
            case ("System", "Provider", "Name"):
                Fields.Provider = _attribute.ToString();
                break;
            case ("System", "EventID", "Qualifiers"):
                Fields.Qualifiers = ParseInt(_attribute.ToString());
                break;
            case ("EventData", "Data", "Name"):
                _dataName = _attribute.ToString();
                break;
        }

        _attributeName = null;
    }

    public void EndStartTag()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement(string name)
    {
        var section = Section();
        if (section == "System" && _path.Count == 3)
        {
            AssignSystem(name, _text);
        }
        else if (section == "EventData" && _path.Count == 3)
        {
            Fields.Data.Add(new(_dataName ?? name, _text.ToString()));
        }
        else if (section == "UserData" && _path.Count >= 4 && _text.Length > 0)
        {
            Fields.Data.Add(new(name, _text.ToString()));
        }

        _path.RemoveAt(_path.Count - 1);
        _text.Clear();
        _dataName = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Value(byte type, ReadOnlySpan<byte> data)
    {
        if (_attributeName == "SystemTime" && type == BinXmlValueType.FileTime && data.Length == 8)
        {
            Fields.TimeCreated = EvtxTime.FromFileTime(BinaryPrimitives.ReadInt64LittleEndian(data));
        }

        // Values nobody reads (SIDs, GUIDs, keywords, process ids) are not formatted at all.
        if (_attributeName is null ? !KeepsText() : !KeepsAttribute())
        {
            return;
        }

        BinXmlValueFormatter.Append(_attributeName is null ? _text : _attribute, type, data, xmlEscape: false);
    }

    private bool KeepsText() =>
        Section() != "System" || (_path.Count == 3 && _path[2] is "EventID" or "Level" or "EventRecordID" or "Channel" or "Computer");

    private bool KeepsAttribute() => (Section(), _path.Count > 0 ? _path[^1] : "", _attributeName) is
        ("System", "Provider", "Name") or ("System", "EventID", "Qualifiers") or ("EventData", "Data", "Name");

    public void CharRef(ushort value) => Current().Append((char)value);

    public void EntityRef(string name) => Current().Append(name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => $"&{name};",
    });

    public void CData(ReadOnlySpan<char> text) => Current().Append(text);

    public void ProcessingInstruction(string target, ReadOnlySpan<char> data)
    {
    }

    private StringBuilder Current() => _attributeName is null ? _text : _attribute;

    /// <summary>The child of Event the current element is in: System, EventData, UserData...</summary>
    private string Section() => _path.Count >= 2 ? _path[1] : "";

    private void AssignSystem(string name, StringBuilder text)
    {
        switch (name)
        {
            case "EventID":
                Fields.EventId = ParseInt(text.ToString()) is { } id ? id & 0xffff : null;
                break;
            case "Level":
                Fields.Level = ParseInt(text.ToString());
                break;
            case "EventRecordID":
                Fields.EventRecordId = ulong.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var recordId) ? recordId : null;
                break;
            case "Channel":
                Fields.Channel = text.ToString();
                break;
            case "Computer":
                Fields.Computer = text.ToString();
                break;
        }
    }

    private static int? ParseInt(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? (int)value : null;
}
