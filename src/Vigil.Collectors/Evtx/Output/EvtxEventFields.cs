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

    public List<KeyValuePair<string, string>> Data { get; } = [];

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
    }
}
