using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>
/// Two real captures share a machine and a channel: post-Security.evtx and security.evtx both hold records of
/// 37L4247F27-25's Security log, and 38 of their EventRecordIDs are reused for different records (the log was cleared
/// between the captures). Every one of them must be stored, and a second read of the same files must store nothing.
/// </summary>
public sealed class EvtxRecordIdentityTests : IDisposable
{
    private static readonly string[] Captures = ["post-Security.evtx", "security.evtx"];

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-evtx-identity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryRecordOfTwoCapturesThatReuseRecordIdsIsStored()
    {
        var folder = CopyCaptures();
        var oracle = Captures.SelectMany(f => EvtxOracle.RunEvtxExport(EvtxSamples.Path(f)).Records).Select(SystemFields.Parse).ToList();
        var reusedIds = oracle.GroupBy(r => (r.Computer, r.Channel, r.RecordId)).Count(g => g.Select(r => r.TimeCreated).Distinct().Count() > 1);
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "vigil.db"));

        var stored = await store.AddEventsAsync("evtx:captures", await ReadAll(folder), null, CancellationToken.None);

        Assert.True(reusedIds > 0, "the two captures must reuse record ids for this test to mean anything");
        Assert.Equal(oracle.Count, stored);
    }

    [Fact]
    public async Task ReadingTheSameCapturesAgainOrACopyOfOneStoresNothingNew()
    {
        var folder = CopyCaptures();
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "vigil.db"));
        var first = await store.AddEventsAsync("evtx:captures", await ReadAll(folder), null, CancellationToken.None);
        File.Copy(Path.Combine(folder, Captures[1]), Path.Combine(folder, "security copy.evtx"));

        var second = await store.AddEventsAsync("evtx:captures", await ReadAll(folder), null, CancellationToken.None);

        Assert.True(first > 0);
        Assert.Equal(0, second);
    }

    private string CopyCaptures()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "captures")).FullName;
        foreach (var file in Captures)
        {
            File.Copy(EvtxSamples.Path(file), Path.Combine(folder, file));
        }

        return folder;
    }

    private static async Task<List<LogEvent>> ReadAll(string folder)
    {
        var events = new List<LogEvent>();
        await foreach (var e in EvtxFileSource.Create(folder).ReadAsync(SourceReadOptions.Everything, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
