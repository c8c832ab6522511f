namespace Vigil.Ingest;

/// <summary>What one committed batch did.</summary>
/// <param name="Source">The source's name (its spec).</param>
/// <param name="Read">Events in the batch.</param>
/// <param name="Added">Events that were new to the store (the rest were already stored).</param>
/// <param name="Late">Events whose hour was already scored: stored anyway, that hour's summary now differs from its verdict.</param>
/// <param name="CaughtUp">The source had nothing more when the batch was read.</param>
public sealed record BatchResult(string Source, int Read, int Added, int Late, bool CaughtUp);
