using Vigil.Core.Events;

namespace Vigil.Collectors;

/// <summary>
/// Events read from a live source and the checkpoint that follows them. Store both in one transaction.
/// </summary>
/// <param name="Events">The events, possibly none (a checkpoint may move without new events, e.g. after a rotation).</param>
/// <param name="Checkpoint">An opaque string the source understands; pass it back to resume after these events.</param>
/// <param name="CaughtUp">True when the batch ends at what the source held when it was read: a one-shot ingest can stop.</param>
public sealed record SourceBatch(IReadOnlyList<LogEvent> Events, string Checkpoint, bool CaughtUp);
