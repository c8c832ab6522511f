namespace Vigil.Api.Receivers;

/// <summary>
/// Bounds how many pushed batches are decoded and stored at once, so a fleet resending after an outage cannot pile
/// up memory or starve the dashboard: a batch that finds no slot within <see cref="Wait"/> is answered 429 with
/// Retry-After, which every OTLP sender and <c>vigil forward</c> retry after backing off.
/// </summary>
internal sealed class IngestGate
{
    private readonly SemaphoreSlim _slots;

    public IngestGate(int slots, TimeSpan wait)
    {
        _slots = new SemaphoreSlim(slots, slots);
        Wait = wait;
    }

    public TimeSpan Wait { get; }

    /// <summary>A held slot (dispose to free it), or null when none freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(Wait, cancellationToken).ConfigureAwait(false) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
