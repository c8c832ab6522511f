using Vigil.Collectors.Journald;
using Vigil.Collectors.Tests.Support;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Journald;

public sealed class JournaldSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Journal => Path.Combine(_dir.Path, "journal");

    [Fact]
    public async Task EntriesMapToEventsWithPriorityIdentifierHostAndBinaryMessages()
    {
        JournalBuilder.Write(Journal, 0, 10);

        var events = await SourceDrain.ReadAllAsync(JournaldSource.Create("journald:" + Journal)!);

        Assert.Equal(10, events.Count);
        Assert.Equal(
            [LevelMapping.Critical, LevelMapping.Critical, LevelMapping.Critical, LevelMapping.Error, LevelMapping.Warning, LevelMapping.Information, LevelMapping.Information, LevelMapping.Verbose],
            events.Take(8).Select(e => e.Level));
        Assert.Equal(("app", "web01", JournalBuilder.Start.AddSeconds(3)), (events[3].Provider, events[3].Computer, events[3].TimeCreated));
        Assert.Equal("entry 4\u0001", events[4].Message);
        Assert.All(events, e => Assert.StartsWith("s=", e.RecordKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATimeRangeReadsOnlyThatRange()
    {
        JournalBuilder.Write(Journal, 0, 10);
        var options = new SourceReadOptions { From = JournalBuilder.Start.AddSeconds(2), To = JournalBuilder.Start.AddSeconds(5) };

        var events = new List<LogEvent>();
        await foreach (var e in JournaldSource.Create("journald:" + Journal)!.ReadAsync(options, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal(["entry 2", "entry 3", "entry 4\u0001"], events.Select(e => e.Message));
    }

    [Fact]
    public async Task FollowingResumesAfterTheStoredCursorWithoutLossOrRepeat()
    {
        JournalBuilder.Write(Journal, 0, 7, "a.journal");
        using var store = SqliteEventStore.Open(_dir.File("vigil.db"));
        var source = new JournaldSource("journald:" + Journal, Journal) { BatchSize = 3 };

        var first = await SourceDrain.IngestOnceAsync(source, store);
        JournalBuilder.Write(Journal, 7, 5, "b.journal");
        var second = await SourceDrain.IngestOnceAsync(source, store);
        var third = await SourceDrain.IngestOnceAsync(source, store);

        Assert.Equal((7, 5, 0), (first, second, third));
        var stored = await SourceDrain.StoredAsync(store, source.Name);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "entry " + i), stored.Select(e => e.Message!.TrimEnd('\u0001')));
    }

    [Fact]
    public async Task AMissingJournalctlIsAOneLineErrorThatSuggestsLogFiles()
    {
        var source = new JournaldSource("journald", null, journalctl: _dir.File("no-journalctl"));

        var error = await Assert.ThrowsAsync<SourceException>(() => SourceDrain.ReadAllAsync(source));

        Assert.Contains("syslog:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AMissingJournalFolderIsAOneLineError()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => SourceDrain.ReadAllAsync(JournaldSource.Create("journald:" + _dir.File("none"))!));

        Assert.Contains("journalctl failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
