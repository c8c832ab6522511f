using Vigil.Collectors.Evtx.BinXml;
using BenchmarkDotNet.Attributes;
using Vigil.Collectors.Evtx;
using Vigil.Collectors.Evtx.Output;

namespace Vigil.Benchmarks.Evtx;

/// <summary>
/// The per-record hot path on one real chunk: render every record to XML, or collect its fields (the JSON and
/// LogEvent path). Results are per record. Run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*Evtx*'
/// </summary>
[MemoryDiagnoser]
public class EvtxRecordBenchmarks
{
    private const int Records = 100;

    private readonly EvtxChunkWorker _worker = new();
    private readonly Utf8Buffer _text = new(1 << 20);
    private XmlRecordSink _xml = null!;
    private readonly FieldCollectorSink _fields = new();

    [GlobalSetup]
    public void Setup()
    {
        using var reader = new EvtxFileReader(SampleFile("security.evtx"));
        _worker.BytesRead = reader.ReadChunk(0, _worker.Chunk.Data);
        _worker.Prepare(0);
        _xml = new XmlRecordSink(_text);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int RenderXml()
    {
        _text.Clear();
        var records = _worker.Records;
        for (var i = 0; i < Records; i++)
        {
            _xml.Reset();
            _worker.TryRender(records[i % records.Count], _xml);
        }

        return _text.Length;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int CollectFields()
    {
        var records = _worker.Records;
        var total = 0;
        for (var i = 0; i < Records; i++)
        {
            _fields.Reset();
            _worker.TryRender(records[i % records.Count], _fields);
            total += _fields.Fields.Data.Count;
        }

        return total;
    }

    [Benchmark]
    public int ParseChunkAndListRecords()
    {
        _worker.Prepare(0);
        return _worker.Records.Count;
    }

    private static string SampleFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "evtx", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/evtx/{name} not found above {AppContext.BaseDirectory}");
    }
}
