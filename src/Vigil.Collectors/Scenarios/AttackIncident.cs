using Vigil.Core.Events;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// One incident of the held-out attack week: real records of one EVTX sample, chosen by event id (and a word of their
/// event data), re-timed into <paramref name="Hours"/> hours from <paramref name="Day"/> (0 = the test week's Monday)
/// at <paramref name="Hour"/>:00.
/// </summary>
/// <param name="Take">How many of the matching records, in file order; all when null.</param>
internal sealed record AttackIncident(string Name, string What, string File, long[] EventIds, int Day, int Hour, int Hours = 1, int? Take = null, string? Containing = null)
{
    public bool Matches(LogEvent e) =>
        EventIds.Contains(e.EventId) && (Containing is null || (e.Message ?? string.Empty).Contains(Containing, StringComparison.OrdinalIgnoreCase));
}
