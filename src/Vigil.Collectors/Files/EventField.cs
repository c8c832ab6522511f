namespace Vigil.Collectors.Files;

/// <summary>The event fields a file may carry, each under Vigil's own name or a PowerShell export's.</summary>
internal enum EventField
{
    Time,
    Level,
    LevelName,
    EventId,
    Provider,
    Channel,
    Computer,
    Message,
    RecordId,
}
