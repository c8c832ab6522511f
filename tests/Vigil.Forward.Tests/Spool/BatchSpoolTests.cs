using Vigil.Collectors.Tests.Support;
using Vigil.Core.Events;
using Vigil.Forward.Spool;

namespace Vigil.Forward.Tests.Spool;

public sealed class BatchSpoolTests
{
    [Fact]
    public void BatchesComeBackWholeAndInOrderAfterReopening()
    {
        using var dir = new TempDirectory();
        var spool = BatchSpool.Open(dir.Path, _ => { });
        spool.Append("eventlog:Security", "bookmark-1", [Event(1), Event(2)]);
        spool.Append("journald", "cursor-9", [Event(3)]);

        var reopened = BatchSpool.Open(dir.Path, _ => { });
        var first = SpoolFile.Read(reopened.TakeOldest()!);

        Assert.Equal(2, reopened.Count);
        Assert.Equal(("eventlog:Security", "bookmark-1"), (first.Source, first.Checkpoint));
        Assert.Equal([Event(1), Event(2)], first.Events);
        Assert.Equal("cursor-9", reopened.NewestCheckpoint("journald"));
        Assert.Null(reopened.NewestCheckpoint("eventlog:System"));
    }

    [Fact]
    public void AHalfWrittenBatchLeftByACrashIsDiscardedOnOpen()
    {
        using var dir = new TempDirectory();
        var spool = BatchSpool.Open(dir.Path, _ => { });
        spool.Append("journald", "c1", [Event(1)]);
        File.WriteAllBytes(Path.Combine(dir.Path, "0000000000000000001.batch.tmp"), [0x1f, 0x8b, 0x08]);

        var reopened = BatchSpool.Open(dir.Path, _ => { });

        Assert.Equal(1, reopened.Count);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        Assert.Equal("c1", reopened.NewestCheckpoint("journald"));
    }

    [Fact]
    public void AnUnreadableBatchIsMovedAsideWithAWarningAndNotSent()
    {
        using var dir = new TempDirectory();
        var spool = BatchSpool.Open(dir.Path, _ => { });
        var entry = spool.Append("journald", "c1", [Event(1)]);
        File.WriteAllText(entry.Path, "not gzip");
        var warnings = new List<string>();

        var reopened = BatchSpool.Open(dir.Path, warnings.Add);

        Assert.Equal(0, reopened.Count);
        Assert.Single(warnings, w => w.Contains("moved aside", StringComparison.Ordinal));
        Assert.True(File.Exists(entry.Path + ".bad"));
    }

    [Fact]
    public void DroppingToMakeRoomSparesTheBatchBeingSent()
    {
        using var dir = new TempDirectory();
        var spool = BatchSpool.Open(dir.Path, _ => { });
        var sending = spool.Append("journald", "c1", [Event(1)]);
        var next = spool.Append("journald", "c2", [Event(2)]);
        Assert.Equal(sending, spool.TakeOldest());

        var dropped = spool.DropOldest();

        Assert.Equal(next.Sequence, dropped!.Sequence);
        Assert.Equal(1, spool.Count);
        Assert.True(File.Exists(sending.Path));
    }

    private static LogEvent Event(int n) =>
        new(new DateTime(2026, 3, 1, 10, 0, n, DateTimeKind.Utc), LevelMapping.Error, 4625, "Microsoft-Windows-Security-Auditing", "Security", "dc01", $"logon failure {n}", $"dc01/Security/{n}");
}
