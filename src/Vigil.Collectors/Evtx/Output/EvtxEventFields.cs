using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>The System fields Vigil uses and the EventData/UserData values of one record, as plain text.</summary>
internal sealed class EvtxEventFields
{
    public ulong? EventRecordId { get; set; }

    public DateTime? TimeCreated { get; set; }

    /// <summary>The event id as Windows shows it: the low 16 bits, without the qualifiers.</summary>
    public int? EventId { get; set; }

    public int? Qualifiers { get; set; }

    public int? Level { get; set; }

    public string? Provider { get; set; }

    public string? Channel { get; set; }

    public string? Computer { get; set; }

    /// <summary>EventData/UserData values in document order; their text stays UTF-8 in <see cref="Values"/> until asked for.</summary>
    public List<EvtxDataField> Data { get; } = [];

    public Utf8Buffer Values { get; } = new(1024);

    public ReadOnlySpan<byte> Value(EvtxDataField field) => Values.WrittenSpan.Slice(field.Start, field.Length);

    public string ValueText(EvtxDataField field) => Encoding.UTF8.GetString(Value(field));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddData(string name, ReadOnlySpan<byte> value)
    {
        Data.Add(new EvtxDataField(name, Values.Length, value.Length));
        Values.Write(value);
    }

    public void Clear()
    {
        EventRecordId = null;
        TimeCreated = null;
        EventId = null;
        Qualifiers = null;
        Level = null;
        Provider = null;
        Channel = null;
        Computer = null;
        Data.Clear();
        Values.Clear();
    }
}
