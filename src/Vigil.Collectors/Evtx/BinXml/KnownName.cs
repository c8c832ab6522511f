namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>The element and attribute names the field collector looks for, so it compares tags instead of strings.</summary>
internal enum KnownName : byte
{
    Other,
    System,
    EventData,
    UserData,
    Provider,
    EventID,
    Level,
    EventRecordID,
    Channel,
    Computer,
    Data,
    Name,
    Qualifiers,
    SystemTime,
}
