namespace Vigil.Collectors.Files;

/// <summary>
/// Column / property names accepted for each field: Vigil's (<c>time_created, level, event_id, provider, channel,
/// computer, message</c>) and those of <c>Get-WinEvent | Select-Object TimeCreated,Id,LevelDisplayName,ProviderName,
/// LogName,MachineName,Message</c> exported with Export-Csv or ConvertTo-Json.
/// </summary>
internal static class EventFieldNames
{
    private static readonly Dictionary<string, EventField> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time_created"] = EventField.Time,
        ["timecreated"] = EventField.Time,
        ["timestamp"] = EventField.Time,
        ["time"] = EventField.Time,
        ["level"] = EventField.Level,
        ["leveldisplayname"] = EventField.LevelName,
        ["event_id"] = EventField.EventId,
        ["eventid"] = EventField.EventId,
        ["id"] = EventField.EventId,
        ["provider"] = EventField.Provider,
        ["providername"] = EventField.Provider,
        ["source"] = EventField.Provider,
        ["channel"] = EventField.Channel,
        ["logname"] = EventField.Channel,
        ["computer"] = EventField.Computer,
        ["machinename"] = EventField.Computer,
        ["message"] = EventField.Message,
        ["record_id"] = EventField.RecordId,
        ["recordid"] = EventField.RecordId,
    };

    public static EventField? Lookup(string name) =>
        Aliases.TryGetValue(name.Trim(), out var field) ? field : null;
}
