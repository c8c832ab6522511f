namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// An element, attribute or entity name, with its UTF-8 bytes and its <see cref="KnownName"/> worked out once:
/// names are interned per reader, so each costs this once per file, not once per record.
/// </summary>
internal sealed class BinXmlName(string text)
{
    public string Text { get; } = text;

    public byte[] Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(text);

    public KnownName Known { get; } = text switch
    {
        "System" => KnownName.System,
        "EventData" => KnownName.EventData,
        "UserData" => KnownName.UserData,
        "Provider" => KnownName.Provider,
        "EventID" => KnownName.EventID,
        "Level" => KnownName.Level,
        "EventRecordID" => KnownName.EventRecordID,
        "Channel" => KnownName.Channel,
        "Computer" => KnownName.Computer,
        "Data" => KnownName.Data,
        "Name" => KnownName.Name,
        "Qualifiers" => KnownName.Qualifiers,
        "SystemTime" => KnownName.SystemTime,
        _ => KnownName.Other,
    };

    public override string ToString() => Text;
}
