using Vigil.Core.Detection;

namespace Vigil.Storage.Incidents;

/// <summary>
/// One incident: anomalous hours of one source close enough together (<c>cooldown_minutes</c>) to be one problem.
/// It opens (a page), is updated as more hours join it (a page only when it gets worse), and resolves once the source
/// has been normal for the cooldown. Acknowledged means someone is on it: its updates page nobody.
/// </summary>
/// <param name="Id">Stable and readable: the first hour and a short hash of the source (<c>2026021614-3fa9c2</c>).</param>
/// <param name="Source">The source spec(s) the hours were scored for, as detection names them.</param>
public sealed record IncidentRecord(string Id, string Source, DateTime FirstHour, DateTime LastHour, bool Resolved)
{
    /// <summary>The highest severity of its hours.</summary>
    public AnomalySeverity Severity { get; init; }

    /// <summary>How many anomalous hours joined it.</summary>
    public int Hours { get; init; }

    /// <summary>The first reason of its first hour: what the page said.</summary>
    public string? Summary { get; init; }

    /// <summary>The model that scored its latest hour.</summary>
    public string? ModelId { get; init; }

    /// <summary>How many messages it called for (the first page, pages for updates that made it worse, the resolution).</summary>
    public int Pages { get; init; }

    public DateTime OpenedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public DateTime? ResolvedAt { get; init; }

    public DateTime? AcknowledgedAt { get; init; }

    public string? AcknowledgedNote { get; init; }

    public bool Acknowledged => AcknowledgedAt is not null;
}
