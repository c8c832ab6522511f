namespace Vigil.Storage;

/// <summary>What the store holds, for <c>vigil status</c>.</summary>
public sealed record StoreStatistics(long Events, long Sources, long Runs, long ScoredHours, long SizeBytes);
