namespace Vigil.Ingest;

/// <summary>
/// How many events may wait between a reader and the store: the reader takes room before queueing a batch and waits
/// while the queue is full; the store frees it as it takes batches. A batch larger than the whole budget still goes
/// through once the queue is empty, so no batch size can stall the road.
/// </summary>
internal sealed class EventBudget : IDisposable
{
    private readonly int _capacity;
    private readonly SemaphoreSlim _freed = new(0);
    private int _queued;

    public EventBudget(int capacity) => _capacity = capacity;

    public async Task TakeAsync(int events, CancellationToken cancellationToken)
    {
        while (true)
        {
            var queued = Volatile.Read(ref _queued);
            if (queued == 0 || queued + events <= _capacity)
            {
                Interlocked.Add(ref _queued, events);
                return;
            }

            // Woken by every Free; a wake-up that finds the queue still full just waits again.
            await _freed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Free(int events)
    {
        Interlocked.Add(ref _queued, -events);
        if (_freed.CurrentCount == 0)
        {
            // One pending wake-up is enough: the reader re-checks the room each time it wakes.
            _freed.Release();
        }
    }

    public void Dispose() => _freed.Dispose();
}
