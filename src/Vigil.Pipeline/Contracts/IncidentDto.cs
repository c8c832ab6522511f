using Vigil.Core.Detection;
using Vigil.Storage.Incidents;

namespace Vigil.Pipeline.Contracts;

/// <summary>One incident as <c>GET /incidents</c> and <c>vigil incidents --json</c> show it (snake_case by <see cref="ContractJson"/>).</summary>
public sealed record IncidentDto(
    string Id,
    string Source,
    string State,
    string FirstHour,
    string LastHour,
    int Hours,
    string? Severity,
    string? Summary,
    string? ModelId,
    int Pages,
    DateTime OpenedAt,
    DateTime UpdatedAt,
    DateTime? ResolvedAt,
    bool Acknowledged,
    DateTime? AcknowledgedAt,
    string? AcknowledgedNote)
{
    public static IncidentDto From(IncidentRecord i) => new(
        i.Id,
        i.Source,
        i.Resolved ? "resolved" : "open",
        Core.Windows.HourlySummary.FormatHour(i.FirstHour),
        Core.Windows.HourlySummary.FormatHour(i.LastHour),
        i.Hours,
        i.Severity == AnomalySeverity.None ? null : i.Severity.ToString().ToLowerInvariant(),
        i.Summary,
        i.ModelId,
        i.Pages,
        i.OpenedAt,
        i.UpdatedAt,
        i.ResolvedAt,
        i.Acknowledged,
        i.AcknowledgedAt,
        i.AcknowledgedNote);
}
