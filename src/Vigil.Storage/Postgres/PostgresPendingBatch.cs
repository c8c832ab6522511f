using Vigil.Core.Events;

namespace Vigil.Storage.Postgres;

/// <summary>One caller's batch waiting in <see cref="PostgresGroupCommit"/>: done when its rows and checkpoint are committed.</summary>
internal sealed class PostgresPendingBatch
{
    public PostgresPendingBatch(int sourceId, IReadOnlyList<LogEvent> events, string? checkpoint)
    {
        SourceId = sourceId;
        Events = events;
        Checkpoint = checkpoint;
    }

    public int SourceId { get; }

    public IReadOnlyList<LogEvent> Events { get; }

    public string? Checkpoint { get; }

    /// <summary>How many of the batch's events were new, set once the transaction holding them committed.</summary>
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
