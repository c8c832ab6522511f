using System.Globalization;
using System.Runtime.CompilerServices;
using Vigil.Collectors.Evtx.Output;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// Streams every record of an EVTX file as XML or JSON lines. Chunks are parsed on <c>threads</c> threads and written
/// in file order; damaged chunks and records are reported through <c>warn</c> and skipped.
/// </summary>
public static class EvtxDumper
{
    /// <summary>Writes all records of <paramref name="path"/> to <paramref name="output"/> (UTF-8).</summary>
    /// <exception cref="EvtxFormatException">The file header is not an EVTX header.</exception>
    public static EvtxDumpResult Dump(string path, Stream output, EvtxDumpFormat format, int threads, Action<string>? warn = null, CancellationToken cancellationToken = default)
    {
        warn ??= static _ => { };
        using var reader = new EvtxFileReader(path);
        if (!reader.Header.ChecksumValid)
        {
            warn("file header: checksum mismatch, reading anyway");
        }

        long written = 0, skipped = 0;
        var warnings = 0;
        var process = format == EvtxDumpFormat.Xml ? (Action<EvtxChunkWorker, ChunkOutput>)RenderXml : RenderJson;
        foreach (var (worker, chunkOutput) in EvtxChunkPipeline.Run(reader, threads, static () => new ChunkOutput(), process, cancellationToken))
        {
            foreach (var warning in worker.Warnings)
            {
                warn(warning);
                warnings++;
            }

            output.Write(chunkOutput.Bytes.WrittenSpan);
            written += chunkOutput.Records;
            skipped += chunkOutput.Skipped;
        }

        output.Flush();
        return new EvtxDumpResult(written, skipped, warnings);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RenderXml(EvtxChunkWorker worker, ChunkOutput output)
    {
        output.Clear();
        foreach (var record in worker.Records)
        {
            var mark = output.Bytes.Length;
            output.Xml.Reset();
            if (worker.TryRender(record, output.Xml))
            {
                output.Bytes.Write((byte)'\n');
                output.Records++;
            }
            else
            {
                output.Bytes.Truncate(mark);
                output.Skipped++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RenderJson(EvtxChunkWorker worker, ChunkOutput output)
    {
        output.Clear();
        foreach (var record in worker.Records)
        {
            output.Fields.Reset();
            if (!worker.TryRender(record, output.Fields))
            {
                output.Skipped++;
                continue;
            }

            output.JsonRecords.Write(output.Bytes, output.Fields.Fields, record);
            output.Bytes.Write((byte)'\n');
            output.Records++;
        }
    }

    internal const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    internal static string FormatTime(DateTime time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
