using System.Diagnostics;
using System.Globalization;
using Vigil.Collectors.Evtx;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Benchmarks.Evtx;

/// <summary>
/// Where a dump's time goes, in one warmed-up process (no startup, no JIT in the figures): reading the chunks, walking
/// every record's binary XML into a sink that writes nothing, then the XML and JSON dumps, each on 1 and THREADS
/// threads. "halves" parses the two halves of the file on two independent sequential readers at once: the scaling the
/// machine itself gives right now, against which the pipeline's scaling is judged on a loaded machine.
/// Usage: evtx-stages FILE [THREADS] [ROUNDS] [STAGE]   (STAGE: only the stage of that name, e.g. for a profiler)
/// </summary>
internal static class EvtxStagesEntry
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var only = args.Length > 3 ? args[3] : null;
        var megabytes = new FileInfo(path).Length / 1048576.0;
        var stages = new (string Name, Action<int> Run)[]
        {
            ("read", t => Walk(path, t, readOnly: true)),
            ("walk (no output)", t => Walk(path, t, readOnly: false)),
            ("xml", t => EvtxDumper.Dump(path, Stream.Null, EvtxDumpFormat.Xml, t)),
            ("jsonl", t => EvtxDumper.Dump(path, Stream.Null, EvtxDumpFormat.Jsonl, t)),
        }.Where(s => only is null || s.Name.StartsWith(only, StringComparison.Ordinal)).ToArray();
        foreach (var (_, run) in stages)
        {
            run(1);
            run(threads);
        }

        Console.WriteLine($"file {megabytes:F1} MB, best of {rounds} rounds, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (name, run) in stages)
        {
            var (gcs, allocated) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: true));
            var one = Best(rounds, () => run(1));
            (gcs, allocated) = (GC.CollectionCount(0) - gcs, GC.GetTotalAllocatedBytes(precise: true) - allocated);
            var many = Best(rounds, () => run(threads));
            Console.WriteLine($"{name,-18} 1 thread {one.Wall,6:F3}s wall {one.Cpu,6:F3}s CPU ({megabytes / one.Wall,6:F0} MB/s, {allocated / rounds / 1048576.0:F1} MB allocated, {(gcs / rounds) - 1} gen0 GCs)   {threads} threads {many.Wall,6:F3}s wall {many.Cpu,6:F3}s CPU   scaling {one.Wall / many.Wall:F2}x");
        }

        if (only is not null)
        {
            return 0;
        }

        var single = Best(rounds, () => Halves(path, parallel: false));
        var both = Best(rounds, () => Halves(path, parallel: true));
        Console.WriteLine($"halves (2 independent sequential walks): one after the other {single.Wall:F3}s, at once {both.Wall:F3}s: machine scaling {single.Wall / both.Wall:F2}x");
        return 0;
    }

    private static (double Wall, double Cpu) Best(int rounds, Action action)
    {
        var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
        for (var i = 0; i < rounds; i++)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            var wall = clock.Elapsed.TotalSeconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, used));
        }

        return best;
    }

    private static long Walk(string path, int threads, bool readOnly)
    {
        using var reader = new EvtxFileReader(path);
        long records = 0;
        foreach (var (worker, sink) in EvtxChunkPipeline.Run(reader, threads, static () => new NullSink(), (w, s) => Render(w, s, readOnly)))
        {
            records += sink.Values + worker.Records.Count;
        }

        return records;
    }

    private static void Render(EvtxChunkWorker worker, NullSink sink, bool readOnly)
    {
        sink.Values = 0;
        if (readOnly)
        {
            return;
        }

        foreach (var record in worker.Records)
        {
            worker.TryRender(record, sink);
        }
    }

    /// <summary>Walks the first and the second half of the file's chunks on two independent sequential workers.</summary>
    private static void Halves(string path, bool parallel)
    {
        using var probe = new EvtxFileReader(path);
        var half = probe.ChunkCount / 2;
        void Part(int from, int to)
        {
            using var reader = new EvtxFileReader(path);
            var worker = new EvtxChunkWorker();
            var sink = new NullSink();
            for (var i = from; i < to; i++)
            {
                worker.BytesRead = reader.ReadChunk(i, worker.Chunk.Data);
                worker.Prepare(i);
                Render(worker, sink, readOnly: false);
            }
        }

        if (parallel)
        {
            Parallel.Invoke(() => Part(0, half), () => Part(half, probe.ChunkCount));
        }
        else
        {
            Part(0, half);
            Part(half, probe.ChunkCount);
        }
    }

    /// <summary>Receives every event of the walk and only counts values, so nothing but the walk itself is timed.</summary>
    private sealed class NullSink : IBinXmlSink
    {
        public long Values { get; set; }

        public void StartElement(BinXmlName name) { }

        public void StartAttribute(BinXmlName name) { }

        public void EndAttribute() { }

        public void EndStartTag() { }

        public void EndElement(BinXmlName name) { }

        public void Value(byte type, ReadOnlySpan<byte> data) => Values += data.Length;

        public void CharRef(ushort value) { }

        public void EntityRef(BinXmlName name) { }

        public void CData(ReadOnlySpan<char> text) { }

        public void ProcessingInstruction(BinXmlName target, ReadOnlySpan<char> data) { }
    }
}
