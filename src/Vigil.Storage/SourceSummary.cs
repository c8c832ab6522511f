namespace Vigil.Storage;

/// <summary>One stored source: its name as stored, how many events it holds and the times of its first and last event (UTC).</summary>
public sealed record SourceSummary(string Source, long Events, DateTime First, DateTime Last);
