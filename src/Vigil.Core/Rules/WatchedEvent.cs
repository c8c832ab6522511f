using Vigil.Core.Detection;

namespace Vigil.Core.Rules;

/// <summary>One catalogued event kind: how urgent its first sighting on a host is, and what it means in plain words.</summary>
public sealed record WatchedEvent(string Provider, long EventId, AnomalySeverity Severity, string Meaning);
