using System.Globalization;
using System.Security.Cryptography;
using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>
/// Pins the exact bytes `vigil evtx dump` writes for every shared sample, in both formats and on one or several
/// threads: the SHA-256 of each output as the dumper wrote it before its UTF-8 rewrite. A speed change that moves one
/// byte (a digit, an escape, an indent, a record order) fails here even where the oracles' canonical comparison would not.
/// </summary>
public sealed class EvtxDumpGoldenTests
{
    public static TheoryData<string, string> Outputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, format, file) in Expected())
        {
            data.Add(file, format);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void TheDumpOfEachSampleIsByteForByteTheSameAsBefore(string file, string format)
    {
        var expected = Expected().Single(e => e.File == file && e.Format == format).Sha256;
        var dumpFormat = format == "xml" ? EvtxDumpFormat.Xml : EvtxDumpFormat.Jsonl;

        foreach (var threads in (int[])[1, 3])
        {
            using var output = new MemoryStream();
            EvtxDumper.Dump(EvtxSamples.Path(file), output, dumpFormat, threads);
            Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(output.ToArray())));
        }
    }

    [Fact]
    public void EverySharedSampleHasAPinnedDumpInBothFormats()
    {
        var pinned = Expected().Select(e => (e.File, e.Format)).ToHashSet();
        foreach (var file in EvtxSamples.All.Select(Path.GetFileName))
        {
            Assert.Contains((file!, "xml"), pinned);
            Assert.Contains((file!, "jsonl"), pinned);
        }
    }

    private static IEnumerable<(string Sha256, string Format, string File)> Expected() =>
        File.ReadAllLines(TestData.Resource("evtx-dump-sha256.txt"))
            .Where(static line => line.Length > 0)
            .Select(static line => line.Split(' ', 3))
            .Select(static parts => (parts[0].ToLower(CultureInfo.InvariantCulture), parts[1], parts[2]));
}
