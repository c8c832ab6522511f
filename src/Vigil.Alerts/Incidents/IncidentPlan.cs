using Vigil.Storage.Incidents;

namespace Vigil.Alerts.Incidents;

/// <summary>What one run's verdicts call for: the messages to send, and every incident they touched as it now stands.</summary>
public sealed record IncidentPlan(IReadOnlyList<PlannedAlert> Alerts, IReadOnlyList<IncidentRecord> Incidents);
