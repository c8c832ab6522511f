using System.IO.Compression;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using Vigil.Collectors.Text.Files;
using Vigil.Collectors.Text.Layout;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Text;

/// <summary>
/// <c>syslog:PATH</c> and <c>text:PATH</c> (PATH may have wildcards in its file name): syslog and application log files,
/// followed through rotation (rename + create, copytruncate, .1 / .gz siblings read once) with byte offsets checkpointed.
/// </summary>
public sealed class TextFileSource : ILiveLogSource
{
    private static readonly TimeSpan QuietBeforeLastLine = TimeSpan.FromSeconds(5);

    private readonly string _pattern;
    private readonly TimeZoneInfo _zone;

    public TextFileSource(string name, string pattern, bool isLive, TimeZoneInfo? zone = null)
    {
        Name = name;
        _pattern = pattern;
        IsLive = isLive;
        _zone = zone ?? TimeZoneInfo.Local;
    }

    public string Name { get; }

    public bool IsLive { get; }

    /// <summary>Layouts given in the configuration (<c>[formats] NAME = ...</c>), by file name or glob, used instead of inferring one.</summary>
    private IReadOnlyList<(string Name, LineLayout Layout)> _formats = [];

    /// <summary>Events per batch handed out by <see cref="FollowAsync"/>.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>How long <see cref="FollowAsync"/> waits between looks at files that did not change.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The layout of each file the source reads now, as <c>--show-format</c> prints it.</summary>
    public IReadOnlyList<TextLayoutProbe> Layouts() =>
        [.. LogFileSet.Find(_pattern).Where(f => File.Exists(f.Path)).Select(f => TextLayoutProbe.ForFile(f.Path, _zone, ConfiguredFor(f)))];

    /// <summary>Creates the source for <c>syslog:PATH</c> or <c>text:PATH</c>; null for other specs.</summary>
    /// <param name="formats">Operator-given formats by file name, glob or full path (<c>[formats]</c> in config.ini).</param>
    /// <exception cref="SourceException">The spec has no path, or a format is not valid.</exception>
    public static TextFileSource? Create(string spec, IReadOnlyDictionary<string, string>? formats = null)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? spec[..colon] : string.Empty;
        if (kind is not ("syslog" or "text"))
        {
            return null;
        }

        var path = spec[(colon + 1)..];
        if (path.Length == 0)
        {
            throw new SourceException($"{spec}: give a file path or glob after '{kind}:', e.g. {kind}:/var/log/syslog.");
        }

        // The full path names the source in the store, so the same file is one source whichever folder Vigil ran from.
        return new TextFileSource(kind + ":" + Path.GetFullPath(path), path, kind == "syslog")
        {
            _formats = [.. (formats ?? new Dictionary<string, string>()).Select(f => (f.Key, LineLayout.Configured(f.Value, $"[formats] {f.Key}")))],
        };
    }

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = new TextCheckpoint();
        var skipped = new SkippedLines();
        foreach (var batch in Poll(state, skipped, readToEnd: true, cancellationToken))
        {
            foreach (var e in batch.Events)
            {
                if (e.TimeCreated >= options.From && e.TimeCreated < options.To)
                {
                    yield return e;
                }
            }

            await Task.Yield();
        }

        skipped.Report(Name, options.Warn);
    }

    public async IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = TextCheckpoint.Parse(checkpoint, Name);
        var skipped = new SkippedLines();
        var last = checkpoint;
        var first = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = false;
            foreach (var batch in Poll(state, skipped, readToEnd: false, cancellationToken))
            {
                // Every first look ends with a batch, so a one-shot ingest knows it has caught up.
                if (batch.Events.Count > 0 || batch.Checkpoint != last || (first && batch.CaughtUp))
                {
                    changed = true;
                    last = batch.Checkpoint;
                    yield return batch;
                }
            }

            skipped.Report(Name, options.Warn);
            first = false;
            if (!changed)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <param name="readToEnd">Take a last line without a newline even from a live file (a one-shot read).</param>
    private IEnumerable<SourceBatch> Poll(TextCheckpoint state, SkippedLines skipped, bool readToEnd, CancellationToken cancellationToken)
    {
        var onDisk = Probe();
        var matches = FileMatcher.Match(onDisk, state.Files);
        var seen = new HashSet<TrackedFile>();
        var events = new List<LogEvent>();
        for (var i = 0; i < onDisk.Count; i++)
        {
            var (file, probe) = onDisk[i];
            if (probe.Prefix.Length == 0)
            {
                continue;
            }

            var tracked = matches[i];
            if (tracked is null)
            {
                tracked = TrackedFile.First(probe);
                state.Files.Add(tracked);
            }

            seen.Add(tracked);
            tracked.Path = file.Path;
            if (file.IsCompressed ? tracked.GzSize == probe.Size && tracked.SameInodeAs(probe) : probe.Size == tracked.Offset)
            {
                continue;
            }

            var context = new LineContext(probe.WrittenUtc, _zone);
            var reader = new LogFileReader(context, file.Channel, tracked.Id, file.Path, skipped, LayoutOf(tracked, file, context));
            using var stream = OpenAt(file, tracked.Offset, probe.Size);
            if (stream is null)
            {
                continue;
            }

            var complete = true;
            using var records = reader.Read(stream, tracked.Offset, tracked.Line, TakesUnterminated(file, probe, readToEnd)).GetEnumerator();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = records.MoveNext();
                }
                catch (InvalidDataException) when (file.IsCompressed)
                {
                    // An archive still being written ends early; what was read stands, the rest comes next time.
                    complete = false;
                    break;
                }

                if (!more)
                {
                    break;
                }

                events.Add(records.Current.Event);
                (tracked.Offset, tracked.Line) = (records.Current.NextOffset, records.Current.NextLine);
                if (events.Count >= BatchSize)
                {
                    yield return new SourceBatch(events, state.Serialize(), false);
                    events = [];
                }
            }

            if (complete)
            {
                (tracked.Offset, tracked.Line) = (reader.EndOffset, reader.EndLine);
            }

            tracked.Extend(probe);
            if (file.IsCompressed && complete)
            {
                (tracked.Dev, tracked.Ino, tracked.GzSize) = (probe.Device, probe.Inode, probe.Size);
            }
        }

        state.Forget(seen);
        yield return new SourceBatch(events, state.Serialize(), true);
    }

    /// <summary>
    /// The file's layout: the configured one, else the one stored in the checkpoint, else learned from its first lines
    /// and stored once enough lines (or the whole of a finished file) were seen.
    /// </summary>
    private LineLayout? LayoutOf(TrackedFile tracked, LogFile file, LineContext context)
    {
        if (ConfiguredFor(file) is { } configured)
        {
            return configured;
        }

        if (tracked.Layout is not null)
        {
            return tracked.Layout;
        }

        var sample = LayoutSample.Read(file.Path, file.IsCompressed, out var wholeFile);
        var layout = LayoutInference.Infer(sample, context) ?? LineLayout.KnownFormatsOnly();
        if (sample.Count >= LayoutSample.EnoughLines || (wholeFile && file.IsRotated && sample.Count > 0))
        {
            tracked.Layout = layout;
        }

        return layout;
    }

    private LineLayout? ConfiguredFor(LogFile file) =>
        _formats.FirstOrDefault(f => f.Name == file.Path || FileSystemName.MatchesSimpleExpression(f.Name, file.Channel, ignoreCase: false)).Layout;

    /// <summary>
    /// A live file's last line may still be half written; it is taken once the file has been quiet a while,
    /// so a log that never ends with a newline still gives its last record.
    /// </summary>
    private static bool TakesUnterminated(LogFile file, FileProbe probe, bool readToEnd) =>
        readToEnd || file.IsRotated || probe.WrittenUtc < DateTime.UtcNow - QuietBeforeLastLine;

    private List<(LogFile File, FileProbe Probe)> Probe()
    {
        var files = LogFileSet.Find(_pattern);
        if (files.Count == 0)
        {
            throw new SourceException($"{Name}: no file matches {_pattern}.");
        }

        var probes = new List<(LogFile, FileProbe)>(files.Count);
        foreach (var file in files)
        {
            try
            {
                probes.Add((file, FileProbe.Read(file.Path, file.IsCompressed)));
            }
            catch (FileNotFoundException)
            {
                // Rotated away between listing and opening; it is found under its new name next time.
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new SourceException($"{Name}: permission denied reading {file.Path} (run as a user in the file's group, e.g. adm).", ex);
            }
            catch (IOException ex)
            {
                throw new SourceException($"{Name}: cannot read {file.Path}: {ex.Message}", ex);
            }
        }

        return probes;
    }

    private static Stream? OpenAt(LogFile file, long offset, long size)
    {
        Stream stream;
        try
        {
            stream = FileProbe.Open(file.Path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (!file.IsCompressed)
        {
            if (size < offset)
            {
                stream.Dispose();
                return null;
            }

            stream.Seek(offset, SeekOrigin.Begin);
            return stream;
        }

        var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var skip = new byte[81920];
        for (var left = offset; left > 0;)
        {
            var n = gzip.Read(skip, 0, (int)Math.Min(skip.Length, left));
            if (n == 0)
            {
                break;
            }

            left -= n;
        }

        return gzip;
    }
}
