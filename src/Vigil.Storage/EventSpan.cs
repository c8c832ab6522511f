namespace Vigil.Storage;

/// <summary>The times of the first and the last stored event of some sources (UTC).</summary>
public sealed record EventSpan(DateTime First, DateTime Last);
