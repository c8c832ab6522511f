namespace Vigil.Storage.Postgres;

/// <summary>
/// Group commit for the store's writers: batches that arrive while earlier ones are being written wait here and are
/// then written together, all sources in one transaction (<see cref="PostgresGroupWrite"/>), so a fleet's many small
/// batches (a Collector request holds hundreds of hosts) pay one round trip and one commit between them instead of
/// one each. A caller is answered only after the transaction holding its batch committed, so what it acknowledges
/// is durable, and a batch is committed whole with its checkpoint or not at all. Batches of one source commit in the
/// order they came, never two of a source in one transaction or in two transactions at once.
/// </summary>
internal sealed class PostgresGroupCommit
{
    /// <summary>
    /// Transactions written at once: two keep PostgreSQL busy while the next group gathers (one is idle between
    /// groups); more only split the waiting batches into smaller groups.
    /// </summary>
    private const int MaxWriters = 2;

    /// <summary>Bounds one transaction (memory on both sides, time a failure takes to redo).</summary>
    private const int MaxGroupEvents = 50_000;

    private readonly PostgresGroupWrite _write;
    private readonly object _lock = new();
    private readonly List<PostgresPendingBatch> _waiting = [];
    private readonly HashSet<int> _writing = [];
    private int _writers;

    public PostgresGroupCommit(PostgresGroupWrite write) => _write = write;

    /// <summary>Queues the batch and returns how many of its events were new once it committed.</summary>
    public Task<int> AddAsync(PostgresPendingBatch batch)
    {
        bool start;
        lock (_lock)
        {
            _waiting.Add(batch);
            start = _writers < MaxWriters;
            if (start)
            {
                _writers++;
            }
        }

        if (start)
        {
            _ = Task.Run(WriteWaitingAsync);
        }

        return batch.Done.Task;
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<PostgresPendingBatch> group;
            lock (_lock)
            {
                group = TakeGroup();
                if (group.Count == 0)
                {
                    _writers--;
                    return;
                }
            }

            try
            {
                await WriteAsync(group).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    foreach (var batch in group)
                    {
                        _writing.Remove(batch.SourceId);
                    }
                }
            }
        }
    }

    /// <summary>The oldest waiting batch of each source not being written now, up to the group's bound (under the lock).</summary>
    private List<PostgresPendingBatch> TakeGroup()
    {
        var group = new List<PostgresPendingBatch>();
        var skipped = new HashSet<int>();
        var events = 0;
        for (var i = 0; i < _waiting.Count; i++)
        {
            var batch = _waiting[i];
            if (_writing.Contains(batch.SourceId) || skipped.Contains(batch.SourceId) || (group.Count > 0 && events + batch.Events.Count > MaxGroupEvents))
            {
                // A later batch of the same source waits for this one: its checkpoint must commit after this one's.
                skipped.Add(batch.SourceId);
                continue;
            }

            group.Add(batch);
            _writing.Add(batch.SourceId);
            events += batch.Events.Count;
            _waiting.RemoveAt(i--);
        }

        return group;
    }

    private async Task WriteAsync(List<PostgresPendingBatch> group)
    {
        try
        {
            var added = await _write.WriteAsync(group).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(added[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // One batch PostgreSQL refuses (or a connection lost mid-group) must not fail the others: each alone again.
            foreach (var batch in group)
            {
                await WriteAsync([batch]).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            group[0].Done.TrySetException(ex);
        }
    }
}
