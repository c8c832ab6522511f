namespace Vigil.Pipeline;

/// <summary>What one collection read and stored.</summary>
/// <param name="Read">Events the sources returned.</param>
/// <param name="Added">Events that were not stored before (the rest were already there).</param>
public sealed record CollectResult(long Read, long Added);
