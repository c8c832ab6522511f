namespace Vigil.Core.Rules;

/// <summary>A span the operator declared as maintenance: hours overlapping it are scored and kept, never alerted.</summary>
public sealed record MaintenanceWindow(long Id, DateTime From, DateTime To, string? Reason)
{
    /// <summary>True when the hour starting at <paramref name="hour"/> overlaps the window.</summary>
    public bool Covers(DateTime hour) => hour < To && hour.AddHours(1) > From;
}
