namespace Vigil.Collectors;

/// <summary>
/// A source that can be tailed: it resumes from a checkpoint and hands out batches whose checkpoint, committed
/// together with the batch's events, makes a restart continue exactly after them.
/// </summary>
public interface ILiveLogSource : ILogSource
{
    /// <summary>
    /// Streams batches from <paramref name="checkpoint"/> (null: from the beginning) until cancelled.
    /// Throws <see cref="SourceException"/> with a one-line reason when the source cannot be read; the caller retries.
    /// </summary>
    IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, CancellationToken cancellationToken);
}
