using System.Collections.Concurrent;
using Vigil.Collectors.Tests.Support;
using Xunit.Abstractions;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>Vigil's parser against libevtx (evtxexport) on the whole corpus and python-evtx on the small files.</summary>
public sealed class EvtxOracleAgreementTests(ITestOutputHelper output)
{
    private const long PythonEvtxMaxFileSize = 256 * 1024;

    [Fact]
    public void EveryFileAgreesWithLibevtxOnRecordCountsAndSystemFieldsAndNearlyAllOnFullXml()
    {
        var failures = new ConcurrentBag<string>();
        var results = new ConcurrentDictionary<string, (int Compared, int XmlEqual)>();
        Parallel.ForEach(EvtxSamples.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var oracle = EvtxOracle.RunEvtxExport(file);
            var (mine, _) = VigilEvtx.DumpXml(file);
            var name = Path.GetFileName(file);
            CompareCounts(name, oracle, mine, failures);
            var xmlEqual = 0;
            for (var i = 0; i < Math.Min(oracle.Records.Count, mine.Count); i++)
            {
                if (!SystemFields.Parse(mine[i]).Matches(SystemFields.Parse(oracle.Records[i])))
                {
                    failures.Add($"{name}: record #{i}: System fields differ: {SystemFields.Parse(mine[i])} vs {SystemFields.Parse(oracle.Records[i])}");
                }

                if (XmlCanon.Equivalent(mine[i], oracle.Records[i]))
                {
                    xmlEqual++;
                }
                else if (i - xmlEqual < 3)
                {
                    output.WriteLine($"{name}: record #{i} XML differs:\n{XmlCanon.Describe(mine[i], oracle.Records[i])}");
                }
            }

            results[name] = (Math.Min(oracle.Records.Count, mine.Count), xmlEqual);
        });

        foreach (var (name, r) in results.OrderBy(static r => r.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{name}: {r.XmlEqual}/{r.Compared} records with equal XML");
        }

        var compared = results.Values.Sum(static r => r.Compared);
        var equal = results.Values.Sum(static r => r.XmlEqual);
        output.WriteLine($"overall: {equal}/{compared} = {100.0 * equal / compared:F3} % equal XML");
        Assert.Empty(failures);
        Assert.True(compared > 10000, $"only {compared} records compared");
        Assert.True(equal >= 0.995 * compared, $"only {equal} of {compared} records have XML equal to libevtx's");
    }

    [Fact]
    public void SmallFilesAgreeWithPythonEvtxOnRecordCountsAndSystemFields()
    {
        var small = EvtxSamples.All.Where(static f => new FileInfo(f).Length <= PythonEvtxMaxFileSize).ToList();
        var failures = new ConcurrentBag<string>();
        var compared = 0;
        Parallel.ForEach(small, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var oracle = EvtxOracle.RunPythonEvtx(file);
            var (mine, _) = VigilEvtx.DumpXml(file);
            var name = Path.GetFileName(file);

            // When the two oracles disagree on a count (python-evtx also renders the remains after a damaged record
            // header as a record), ours must equal libevtx's.
            var libevtx = EvtxOracle.RunEvtxExport(file);
            if (oracle.Records.Count != mine.Count && libevtx.Complete && libevtx.Records.Count == mine.Count)
            {
                output.WriteLine($"{name}: python-evtx {oracle.Records.Count} records, libevtx and Vigil {mine.Count}");
            }
            else
            {
                CompareCounts(name, oracle, mine, failures);
            }
            for (var i = 0; i < Math.Min(oracle.Records.Count, mine.Count); i++)
            {
                Interlocked.Increment(ref compared);
                if (!SystemFields.Parse(mine[i]).Matches(SystemFields.Parse(oracle.Records[i])))
                {
                    failures.Add($"{name}: record #{i}: System fields differ: {SystemFields.Parse(mine[i])} vs {SystemFields.Parse(oracle.Records[i])}");
                }
            }
        });

        output.WriteLine($"{small.Count} files, {compared} records compared with python-evtx");
        Assert.Empty(failures);
        Assert.True(compared >= 40, $"only {compared} records compared");
    }

    /// <summary>A complete oracle run must give the same count; one that gave up part way must be a prefix of ours.</summary>
    private static void CompareCounts(string name, OracleOutput oracle, IReadOnlyList<string> mine, ConcurrentBag<string> failures)
    {
        if (oracle.Complete ? mine.Count != oracle.Records.Count : mine.Count < oracle.Records.Count)
        {
            failures.Add($"{name}: {mine.Count} records, oracle {(oracle.Complete ? "" : "(incomplete) ")}{oracle.Records.Count}");
        }
    }
}
