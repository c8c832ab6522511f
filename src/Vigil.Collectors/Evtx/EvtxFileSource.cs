using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Collectors.Evtx.Output;
using Vigil.Core.Events;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// Reads exported Windows event logs: one <c>.evtx</c> file or every <c>*.evtx</c> under a folder, on any OS.
/// EVTX holds no rendered message, so <see cref="LogEvent.Message"/> is a short <c>Name=Value; ...</c> of EventData.
/// </summary>
public sealed class EvtxFileSource : IFileSetSource
{
    private const int MaxMessageLength = 1000;

    private readonly string _path;
    private readonly int _threads;

    // True when the source reads one file of a folder: a damaged file is then warned and skipped, as in the folder.
    private readonly bool _partOfFolder;

    private EvtxFileSource(string path, int threads, bool partOfFolder = false)
    {
        _path = path;
        _threads = threads;
        _partOfFolder = partOfFolder;
    }

    public string Name => $"evtx:{_path}";

    public bool IsLive => false;

    /// <summary>Creates the source for the spec <c>evtx:PATH</c>; <paramref name="path"/> is the part after the colon.</summary>
    public static EvtxFileSource Create(string path, int threads = 0) =>
        new(path, threads > 0 ? threads : Math.Min(Environment.ProcessorCount, 4));

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = ListFiles();
        var total = Math.Max(1, files.Sum(static f => new FileInfo(f).Length));
        long done = 0;
        foreach (var file in files)
        {
            var fileEnd = done + new FileInfo(file).Length;
            EvtxFileReader reader;
            try
            {
                reader = new EvtxFileReader(file);
            }
            catch (Exception e) when (e is EvtxFormatException or IOException or UnauthorizedAccessException)
            {
                if (files.Count == 1 && !_partOfFolder)
                {
                    throw new SourceException($"evtx: cannot read {file}: {e.Message}", e);
                }

                options.Warn($"{file}: {e.Message}, skipped");
                done = fileEnd;
                continue;
            }

            using (reader)
            {
                if (!reader.Header.ChecksumValid)
                {
                    options.Warn($"{file}: file header checksum mismatch, reading anyway");
                }

                var chunks = EvtxChunkPipeline.Run(reader, _threads, static () => new ChunkEvents(), (w, s) => s.Collect(w, file, options), cancellationToken);
                foreach (var (worker, events) in chunks)
                {
                    foreach (var warning in worker.Warnings)
                    {
                        options.Warn($"{file}: {warning}");
                    }

                    foreach (var e in events.Events)
                    {
                        yield return e;
                    }

                    done += worker.BytesRead;
                    options.Progress?.Report(Math.Min(1.0, (double)done / total));
                    await Task.Yield();
                }
            }

            done = fileEnd;
            options.Progress?.Report(Math.Min(1.0, (double)done / total));
        }
    }

    /// <inheritdoc />
    public ILogSource ForFile(string file) => new EvtxFileSource(file, _threads, partOfFolder: !File.Exists(_path));

    /// <summary>The file itself, or every <c>*.evtx</c> under the folder in ordinal order.</summary>
    public IReadOnlyList<string> ListFiles()
    {
        if (File.Exists(_path))
        {
            return [_path];
        }

        if (Directory.Exists(_path))
        {
            var files = Directory.EnumerateFiles(_path, "*.evtx", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
                .Order(StringComparer.Ordinal)
                .ToList();
            return files;
        }

        throw new SourceException($"evtx: {_path} is neither a file nor a folder");
    }

    /// <summary>The events of one chunk, built on the worker thread.</summary>
    private sealed class ChunkEvents
    {
        private readonly FieldCollectorSink _sink = new();
        private readonly StringBuilder _message = new();

        public List<LogEvent> Events { get; } = [];

        public void Collect(EvtxChunkWorker worker, string file, SourceReadOptions options)
        {
            Events.Clear();
            foreach (var record in worker.Records)
            {
                _sink.Reset();
                if (!worker.TryRender(record, _sink))
                {
                    continue;
                }

                var fields = _sink.Fields;
                var time = fields.TimeCreated ?? EvtxTime.FromFileTime(record.WrittenTime) ?? DateTime.UnixEpoch;
                if (time < options.From || time >= options.To)
                {
                    continue;
                }

                var recordId = fields.EventRecordId ?? record.Id;
                var computer = fields.Computer ?? "";
                var channel = fields.Channel ?? Path.GetFileNameWithoutExtension(file);

                Events.Add(new LogEvent(time, fields.Level ?? 0, fields.EventId ?? 0, fields.Provider ?? "", channel, computer, Message(fields), WindowsRecordKey.Create(computer, channel, recordId, time)));
            }
        }

        private string? Message(EvtxEventFields fields)
        {
            if (fields.Data.Count == 0)
            {
                return null;
            }

            _message.Clear();
            foreach (var field in fields.Data)
            {
                _message.Append(_message.Length == 0 ? "" : "; ").Append(field.Name).Append('=').Append(fields.ValueText(field).AsSpan().Trim());
                if (_message.Length > MaxMessageLength)
                {
                    _message.Length = MaxMessageLength;
                    _message.Append('…');
                    break;
                }
            }

            return _message.ToString();
        }
    }
}
