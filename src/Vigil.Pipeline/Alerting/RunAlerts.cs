using Vigil.Storage.Incidents;
using Vigil.Storage.Outbox;

namespace Vigil.Pipeline.Alerting;

/// <summary>What a detection run commits besides its verdicts: the outbox entries of its pages and the incidents it touched.</summary>
public sealed record RunAlerts(IReadOnlyList<OutboxEntry> Entries, IReadOnlyList<IncidentRecord> Incidents);
