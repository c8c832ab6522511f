using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Collectors.Files;

/// <summary>
/// <c>file:PATH</c>: a CSV, JSON Lines or JSON array file of events, in Vigil's columns or a PowerShell export's.
/// Bad records are counted and reported, never invented; the rest of the file is still read.
/// </summary>
internal sealed class FileEventSource : IFileSetSource
{
    private readonly string _path;

    public FileEventSource(string name, string path)
    {
        Name = name;
        _path = path;
    }

    public string Name { get; }

    public bool IsLive => false;

    /// <inheritdoc />
    public IReadOnlyList<string> ListFiles() => [_path];

    /// <inheritdoc />
    public ILogSource ForFile(string file) => this;

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            throw new SourceException($"{_path}: no such file (check the path in --source or [vigil] source)");
        }

        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var parser = new EventRecordParser(Path.GetFileNameWithoutExtension(_path));
        var skipped = new SkippedLines();
        var records = FirstSignificantChar(reader) switch
        {
            '{' => ReadJsonLines(reader, parser, skipped, cancellationToken),
            '[' => ReadJsonArray(Utf8(stream, reader.CurrentEncoding), parser, skipped, cancellationToken),
            _ => ReadCsv(reader, parser, skipped, cancellationToken),
        };

        // Read once: FileStream.Length asks the file system (fstat) on every call.
        var length = stream.Length;
        var reported = 0.0;
        await foreach (var e in records.ConfigureAwait(false))
        {
            if (e.TimeCreated >= options.From && e.TimeCreated < options.To)
            {
                yield return e;
            }

            var done = length == 0 ? 1 : Math.Min(1, (double)stream.Position / length);
            if (done - reported >= 0.01)
            {
                reported = done;
                options.Progress?.Report(done);
            }
        }

        skipped.Report(_path, options.Warn);
    }

    // Windows PowerShell writes UTF-16 when output is redirected; the JSON reader wants UTF-8.
    private static Stream Utf8(Stream stream, Encoding encoding)
    {
        stream.Position = 0;
        return encoding is UTF8Encoding ? stream : Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: true);
    }

    private static char FirstSignificantChar(StreamReader reader)
    {
        while (reader.Peek() is var c and >= 0 && char.IsWhiteSpace((char)c))
        {
            reader.Read();
        }

        return (char)Math.Max(reader.Peek(), 0);
    }

    internal static async IAsyncEnumerable<LogEvent> ReadCsv(StreamReader reader, EventRecordParser parser, SkippedLines skipped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = new CsvRecordReader(reader);
        var fields = new List<string>();
        var columns = new Dictionary<EventField, int>();
        while (columns.Count == 0)
        {
            if (!csv.TryRead(fields, out _))
            {
                yield break;
            }

            // Windows PowerShell's Export-Csv starts with a "#TYPE ..." line.
            if (fields[0].StartsWith("#TYPE", StringComparison.Ordinal))
            {
                continue;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                if (EventFieldNames.Lookup(fields[i]) is { } field)
                {
                    columns.TryAdd(field, i);
                }
            }

            if (!columns.ContainsKey(EventField.Time))
            {
                throw new SourceException($"line {csv.RecordLine}: the header has no time_created (or TimeCreated) column; found: {string.Join(", ", fields)}");
            }
        }

        while (csv.TryRead(fields, out var error))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                skipped.Add(csv.RecordLine, error);
                continue;
            }

            string? Field(EventField f) => columns.TryGetValue(f, out var i) && i < fields.Count ? fields[i] : null;
            if (parser.TryParse(Field, out var e, out var reason))
            {
                yield return e!;
            }
            else
            {
                skipped.Add(csv.RecordLine, reason!);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<LogEvent> ReadJsonLines(StreamReader reader, EventRecordParser parser, SkippedLines skipped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement element;
            try
            {
                using var document = JsonDocument.Parse(text);
                element = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                skipped.Add(line, "not JSON: " + ex.Message.Split('.')[0]);
                continue;
            }

            if (JsonEventFields.TryParse(element, parser, out var e, out var reason))
            {
                yield return e!;
            }
            else
            {
                skipped.Add(line, reason!);
            }
        }
    }

    private static async IAsyncEnumerable<LogEvent> ReadJsonArray(Stream stream, EventRecordParser parser, SkippedLines skipped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = 0;
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (JsonException ex)
            {
                // A broken array cannot be resynchronised: keep what was read and say where it stopped.
                skipped.Add((int)(ex.LineNumber ?? 0) + 1, "the JSON array is broken here, the rest of the file was not read: " + ex.Message.Split('.')[0]);
                break;
            }

            index++;
            if (JsonEventFields.TryParse(enumerator.Current, parser, out var e, out var reason))
            {
                yield return e!;
            }
            else
            {
                skipped.Add(index, $"array item {index}: {reason}");
            }
        }
    }
}
