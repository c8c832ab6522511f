using BenchmarkDotNet.Attributes;
using Vigil.Core.Templates;
using Vigil.Core.Tests.Support;

namespace Vigil.Benchmarks.Templates;

/// <summary>
/// Template mining on one core over one million messages: the Content column of the five loghub 2k samples
/// (HDFS, BGL, Linux, OpenSSH, Apache) repeated. Results are per message; lines/s = 1e9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
public class TemplateMinerBenchmarks
{
    private const int Lines = 1_000_000;

    private string[] _messages = [];
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var samples = new[] { "HDFS", "BGL", "Linux", "OpenSSH", "Apache" }
            .SelectMany(name => LoghubDataset.Load(name).Contents)
            .ToArray();
        _messages = Enumerable.Range(0, Lines).Select(i => samples[i % samples.Length]).ToArray();
        _text = string.Join('\n', _messages) + "\n";
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineMessages()
    {
        var miner = new TemplateMiner();
        var last = 0;
        foreach (var message in _messages)
        {
            last = miner.Add(message).TemplateId;
        }

        return last;
    }

    /// <summary>What `vigil templates --assignments` does after decoding: split lines, mine, write a row each.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long ReportWithAssignments()
    {
        var report = new TemplateReport(new TemplateMiner());
        return report.Mine(new StringReader(_text), TextWriter.Null);
    }
}
