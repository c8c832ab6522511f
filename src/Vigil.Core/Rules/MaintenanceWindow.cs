using Vigil.Core.Events;

namespace Vigil.Core.Rules;

/// <summary>
/// A span the operator declared as maintenance: hours overlapping it are scored and kept, never alerted — of
/// <paramref name="Host"/>'s scopes only when it names a host (a fleet), of every scope when not.
/// </summary>
public sealed record MaintenanceWindow(long Id, DateTime From, DateTime To, string? Reason, string? Host = null)
{
    /// <summary>Whether the window speaks of the scope of <paramref name="sources"/> (stored source names): it names no host, or one of theirs.</summary>
    public bool Concerns(IEnumerable<string> sources) =>
        Host is null || sources.Any(s => HostSource.TryParse(s, out var host, out _) && string.Equals(host, Host, StringComparison.Ordinal));

    /// <summary>True when the hour starting at <paramref name="hour"/> overlaps the window.</summary>
    public bool Covers(DateTime hour) => hour < To && hour.AddHours(1) > From;
}
