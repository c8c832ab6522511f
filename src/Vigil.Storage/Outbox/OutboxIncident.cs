namespace Vigil.Storage.Outbox;

/// <summary>The latest incident alerted for a source, as far as the outbox knows.</summary>
public sealed record OutboxIncident(string IncidentId, string Source, DateTime FirstHour, DateTime LastHour, bool Resolved);
