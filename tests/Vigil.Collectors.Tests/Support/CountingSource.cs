using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Wraps a real source and counts how often it was (re)started.</summary>
internal sealed class CountingSource(ILiveLogSource inner) : ILiveLogSource
{
    private int _starts;

    public int Starts => Volatile.Read(ref _starts);

    public string Name => inner.Name;

    public bool IsLive => inner.IsLive;

    public IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken) => inner.ReadAsync(options, cancellationToken);

    public IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        return inner.FollowAsync(checkpoint, options, cancellationToken);
    }
}
