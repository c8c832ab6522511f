namespace Vigil.Core.Events;

/// <summary>
/// One event from any source, normalised. <see cref="RecordKey"/> identifies the record inside its source
/// (an EVTX record id, a journald cursor, a file offset...) so re-collecting the same range never double-counts.
/// </summary>
/// <param name="TimeCreated">When the event happened, in UTC.</param>
/// <param name="Level">The level number in Windows convention (0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Information, 5 Verbose).</param>
/// <param name="EventId">The event id (Windows) or template id (text sources); 0 when the source has none.</param>
/// <param name="Provider">The provider, program or unit that wrote the event.</param>
/// <param name="Channel">The log it came from (System, Application, a file name...).</param>
/// <param name="Computer">The host that wrote it.</param>
/// <param name="Message">The rendered message, when the source has one.</param>
/// <param name="RecordKey">A key unique for this event within its source.</param>
public sealed record LogEvent(
    DateTime TimeCreated,
    int Level,
    long EventId,
    string Provider,
    string Channel,
    string Computer,
    string? Message,
    string RecordKey)
{
    /// <summary>The seed's class for this event's level.</summary>
    public Severity Severity => LevelMapping.ToSeverity(Level);
}
