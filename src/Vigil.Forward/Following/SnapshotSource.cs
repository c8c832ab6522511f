using System.Runtime.CompilerServices;
using Vigil.Collectors;
using Vigil.Core.Events;

namespace Vigil.Forward.Following;

/// <summary>
/// Follows a source that can only be read whole (<c>file:</c> exports, <c>evtx:</c> files and folders, <c>demo</c>).
/// A source made of files (<see cref="IFileSetSource"/>) is looked at every <see cref="PollInterval"/>, and only the
/// files that are new or changed (size or last write) are read again and pushed whole: one new export in a folder of
/// hundreds is read alone. Its checkpoint (<see cref="FileStates"/>) advances file by file, on the last batch of each
/// file, so a crash mid-file reads that file again, never the ones before it; the server stores each record key once.
/// Any other source (<c>demo</c>) is read once.
/// </summary>
internal sealed class SnapshotSource : ILiveLogSource
{
    private const string ReadOnce = "once";

    private readonly ILogSource _inner;
    private readonly TimeProvider _time;

    public SnapshotSource(ILogSource inner, TimeProvider time)
    {
        _inner = inner;
        _time = time;
    }

    public string Name => _inner.Name;

    public bool IsLive => true;

    /// <summary>How often the files are looked at for a change.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; init; } = 5000;

    public IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken) =>
        _inner.ReadAsync(options, cancellationToken);

    public IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, CancellationToken cancellationToken) =>
        _inner is IFileSetSource files
            ? FollowFilesAsync(files, checkpoint, options, cancellationToken)
            : ReadOnceAsync(checkpoint, options, cancellationToken);

    private async IAsyncEnumerable<SourceBatch> FollowFilesAsync(IFileSetSource source, string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = FileStates.Parse(checkpoint);
        var position = checkpoint ?? string.Empty;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var files = source.ListFiles();
            read.KeepOnly(files);
            var changed = files.Select(f => (File: f, State: FileStates.StateOf(f))).Where(f => !read.Holds(f.File, f.State)).ToList();
            for (var i = 0; i < changed.Count; i++)
            {
                // The state is taken before reading: a file that grows while it is read is read again next time.
                var (file, state) = changed[i];
                var batch = new List<LogEvent>(BatchSize);
                await foreach (var e in source.ForFile(file).ReadAsync(Everything(options), cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(e);
                    if (batch.Count == BatchSize)
                    {
                        yield return new SourceBatch(batch, position, CaughtUp: false);
                        batch = new List<LogEvent>(BatchSize);
                    }
                }

                read.Set(file, state);
                position = read.ToString();
                yield return new SourceBatch(batch, position, CaughtUp: i == changed.Count - 1);
            }

            if (changed.Count == 0 && (first || read.ToString() != position))
            {
                // Nothing to read: say so once, and record files that went away.
                position = read.ToString();
                yield return new SourceBatch([], position, CaughtUp: true);
            }

            first = false;
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<SourceBatch> ReadOnceAsync(string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = checkpoint ?? string.Empty;
        if (before != ReadOnce)
        {
            var batch = new List<LogEvent>(BatchSize);
            await foreach (var e in _inner.ReadAsync(Everything(options), cancellationToken).ConfigureAwait(false))
            {
                batch.Add(e);
                if (batch.Count == BatchSize)
                {
                    yield return new SourceBatch(batch, before, CaughtUp: false);
                    batch = new List<LogEvent>(BatchSize);
                }
            }

            yield return new SourceBatch(batch, ReadOnce, CaughtUp: true);
        }
        else
        {
            yield return new SourceBatch([], ReadOnce, CaughtUp: true);
        }

        // Nothing more will come: wait until stopped, as a followed source does.
        await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
    }

    private static SourceReadOptions Everything(SourceReadOptions options) =>
        options with { From = DateTime.MinValue, To = DateTime.MaxValue };
}
