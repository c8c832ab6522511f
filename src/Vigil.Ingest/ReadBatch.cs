using Vigil.Core.Events;

namespace Vigil.Ingest;

/// <summary>Events read from a source, the checkpoint that follows them (null for sources read over a range), and whether the source had nothing more.</summary>
internal sealed record ReadBatch(IReadOnlyList<LogEvent> Events, string? Checkpoint, bool CaughtUp);
