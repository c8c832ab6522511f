namespace Vigil.Storage;

/// <summary>How a run ended: counts and a one-line message.</summary>
public sealed record RunOutcome(bool Succeeded, long EventsCollected, int HoursScored, int Anomalies, string Message);
