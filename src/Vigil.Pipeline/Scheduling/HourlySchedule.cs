using Vigil.Core.Windows;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// When hourly detection is due: <paramref name="Minute"/> minutes past each hour, for the hour that just ended.
/// Gaps longer than <paramref name="MaxCatchUpHours"/> are caught up only that far back.
/// </summary>
public sealed record HourlySchedule(int Minute, int MaxCatchUpHours)
{
    public TimeSpan Offset => TimeSpan.FromMinutes(Minute);

    /// <summary>The end of the newest hour whose run is due at <paramref name="now"/>.</summary>
    public DateTime DueUpTo(DateTime now) => HourRange.FloorHour(now - Offset);

    /// <summary>When the hour after <paramref name="dueUpTo"/> falls due.</summary>
    public DateTime NextRun(DateTime dueUpTo) => dueUpTo + HourRange.Hour + Offset;

    /// <summary>The hours still to score once <paramref name="dueUpTo"/> is due, or null when none are.</summary>
    public HourRange? Pending(DateTime? lastScoredEnd, DateTime dueUpTo)
    {
        var earliest = dueUpTo - TimeSpan.FromHours(MaxCatchUpHours);
        var start = lastScoredEnd is { } last && last > earliest ? last : earliest;
        return start < dueUpTo ? new HourRange(start, dueUpTo) : null;
    }
}
