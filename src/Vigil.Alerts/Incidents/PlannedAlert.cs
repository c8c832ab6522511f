using Vigil.Core.Detection;

namespace Vigil.Alerts.Incidents;

/// <summary>One message the planner decided to send: its kind, incident, the incident's hour span and the hours it reports.</summary>
public sealed record PlannedAlert(AlertKind Kind, string IncidentId, DateTime FirstHour, DateTime LastHour, IReadOnlyList<HourDetection> Hours);
