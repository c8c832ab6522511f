using System.Buffers.Binary;
using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>
/// <c>evtx info</c> reports the EventRecordID and TimeCreated of the records, which is what an operator searches by.
/// Exported logs carry record headers that differ (renumbered ids, a written time of 0, i.e. 1601): the test builds
/// such a file from a real one and expects the ranges libevtx reads from the original's records.
/// </summary>
public sealed class EvtxFileInfoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-evtx-info-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("security.evtx")]
    [InlineData("2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx")]
    public void TheRangesAreTheRecordsEventRecordIdAndTimeCreatedNotTheirHeaders(string sample)
    {
        var original = EvtxSamples.Path(sample);
        var expected = EvtxOracle.RunEvtxExport(original).Records.Select(SystemFields.Parse).ToList();
        var exported = Path.Combine(_dir, sample);
        var patched = RewriteRecordHeaders(original, exported);

        var info = EvtxFileInfo.Read(exported);

        Assert.True(patched > 0);
        Assert.Equal(expected.Count, info.Records);
        Assert.Equal(expected.Min(r => ulong.Parse(r.RecordId!, System.Globalization.CultureInfo.InvariantCulture)), info.MinEventRecordId);
        Assert.Equal(expected.Max(r => ulong.Parse(r.RecordId!, System.Globalization.CultureInfo.InvariantCulture)), info.MaxEventRecordId);
        Assert.Equal(expected.Min(r => r.TimeCreated), info.EarliestTimeCreated);
        Assert.Equal(expected.Max(r => r.TimeCreated), info.LatestTimeCreated);
    }

    /// <summary>Copies <paramref name="source"/> with every record header's id moved by a million and its written time zeroed.</summary>
    private static int RewriteRecordHeaders(string source, string target)
    {
        var bytes = File.ReadAllBytes(source);
        var patched = 0;
        for (var chunk = 4096; chunk + 65536 <= bytes.Length; chunk += 65536)
        {
            if (!bytes.AsSpan(chunk, 8).SequenceEqual("ElfChnk\0"u8))
            {
                continue;
            }

            var free = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(chunk + 48));
            for (var record = chunk + 512; record + 24 <= chunk + Math.Min(free, 65536);)
            {
                var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(record + 4));
                if (!bytes.AsSpan(record, 4).SequenceEqual("**\0\0"u8) || size < 24)
                {
                    break;
                }

                var id = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(record + 8));
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(record + 8), id + 1_000_000);
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(record + 16), 0);
                patched++;
                record += size;
            }
        }

        File.WriteAllBytes(target, bytes);
        return patched;
    }
}
