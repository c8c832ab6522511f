using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Forward.Spool;

/// <summary>
/// The file of one spooled batch: gzip of a header line (source, checkpoint, count) and one JSON line per event.
/// Written to a temporary name, flushed to disk and renamed, so after a crash a batch file is either whole or absent.
/// </summary>
internal static class SpoolFile
{
    public const string Extension = ".batch";

    public const string TemporaryExtension = ".tmp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static long Write(string path, ForwardBatch batch)
    {
        var temporary = path + TemporaryExtension;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
            {
                writer.WriteLine(JsonSerializer.Serialize(new Header(batch.Source, batch.Checkpoint, batch.Events.Count), Json));
                foreach (var e in batch.Events)
                {
                    writer.WriteLine(JsonSerializer.Serialize(e, Json));
                }
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return new FileInfo(path).Length;
    }

    /// <summary>The header alone: what the spool indexes at start without reading every event.</summary>
    public static SpoolEntry ReadEntry(string path, long sequence)
    {
        using var reader = Open(path);
        var header = ReadHeader(reader, path);
        return new SpoolEntry(sequence, header.Source, header.Checkpoint, header.Count, new FileInfo(path).Length, path);
    }

    public static ForwardBatch Read(SpoolEntry entry)
    {
        using var reader = Open(entry.Path);
        var header = ReadHeader(reader, entry.Path);
        var events = new List<LogEvent>(header.Count);
        while (reader.ReadLine() is { } line)
        {
            events.Add(JsonSerializer.Deserialize<LogEvent>(line, Json) ?? throw new InvalidDataException($"{entry.Path}: an empty event line"));
        }

        return events.Count == header.Count
            ? new ForwardBatch(entry.Sequence, header.Source, header.Checkpoint, events)
            : throw new InvalidDataException($"{entry.Path}: holds {events.Count} events, its header says {header.Count}");
    }

    private static StreamReader Open(string path) =>
        new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);

    private static Header ReadHeader(StreamReader reader, string path) =>
        (reader.ReadLine() is { } line ? JsonSerializer.Deserialize<Header>(line, Json) : null)
        ?? throw new InvalidDataException($"{path}: no header line");

    private sealed record Header(string Source, string Checkpoint, int Count);
}
