using Vigil.Core.Events;

namespace Vigil.Forward;

/// <summary>
/// Events read from one local source and the source checkpoint just after them: spooled as one file, pushed as one
/// request, and once acknowledged, the checkpoint is where that source resumes.
/// </summary>
/// <param name="Sequence">Order of spooling across all sources; batches are pushed oldest first.</param>
/// <param name="Source">The local source spec (<c>eventlog:Security</c>), sent as <c>vigil.source</c>.</param>
/// <param name="Checkpoint">The source's checkpoint after these events.</param>
/// <param name="Events">The events, possibly none when only the checkpoint moved.</param>
public sealed record ForwardBatch(long Sequence, string Source, string Checkpoint, IReadOnlyList<LogEvent> Events);
