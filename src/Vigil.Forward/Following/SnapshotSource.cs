using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Vigil.Collectors;
using Vigil.Core.Events;

namespace Vigil.Forward.Following;

/// <summary>
/// Follows a source that can only be read whole (<c>file:</c> exports, <c>evtx:</c> files and folders, <c>demo</c>):
/// its checkpoint is a fingerprint of its files (path, size, last write); whenever the fingerprint changes (a file
/// grew, a new .evtx arrived) the source is read again and pushed whole. The server stores each record key once, so
/// what was pushed before is not stored twice; only the last batch of a read carries the new fingerprint, so a crash
/// mid-read reads it again.
/// </summary>
internal sealed class SnapshotSource : ILiveLogSource
{
    private readonly ILogSource _inner;
    private readonly string? _path;
    private readonly TimeProvider _time;

    public SnapshotSource(ILogSource inner, TimeProvider time)
    {
        _inner = inner;
        _time = time;
        var colon = inner.Name.IndexOf(':', StringComparison.Ordinal);
        _path = colon < 0 ? null : inner.Name[(colon + 1)..];
    }

    public string Name => _inner.Name;

    public bool IsLive => true;

    /// <summary>How often the files are looked at for a change.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; init; } = 5000;

    public IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken) =>
        _inner.ReadAsync(options, cancellationToken);

    public async IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = checkpoint ?? string.Empty;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Fingerprint();
            if (now != before)
            {
                var batch = new List<LogEvent>(BatchSize);
                await foreach (var e in _inner.ReadAsync(options with { From = DateTime.MinValue, To = DateTime.MaxValue }, cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(e);
                    if (batch.Count == BatchSize)
                    {
                        yield return new SourceBatch(batch, before, CaughtUp: false);
                        batch = new List<LogEvent>(BatchSize);
                    }
                }

                yield return new SourceBatch(batch, now, CaughtUp: true);
                before = now;
            }
            else if (first)
            {
                yield return new SourceBatch([], now, CaughtUp: true);
            }

            first = false;
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A hash of every file's path, size and last write time; a source without files is read once.</summary>
    private string Fingerprint()
    {
        if (_path is null || !(File.Exists(_path) || Directory.Exists(_path)))
        {
            return "once";
        }

        var files = File.Exists(_path)
            ? [new FileInfo(_path)]
            : new DirectoryInfo(_path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true }).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.FullName}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}\n");
        }

        return "files:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
