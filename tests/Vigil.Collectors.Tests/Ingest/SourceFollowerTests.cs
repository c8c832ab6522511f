using System.Collections.Concurrent;
using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Core.Windows;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Ingest;

public sealed class SourceFollowerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteEventStore _store;
    private readonly ConcurrentQueue<string> _log = new();

    public SourceFollowerTests()
    {
        _store = SqliteEventStore.Open(_dir.File("vigil.db"));
    }

    [Fact]
    public async Task AFailingSourceIsReportedOnceAndRetriedWhileTheOthersKeepStoring()
    {
        var good = new LogWriter();
        var late = new LogWriter();
        good.Append(_dir.File("good.log"), 10);
        var goodSource = Fast("text:" + _dir.File("good.log"));
        var missing = new CountingSource(Fast("text:" + _dir.File("missing.log")));
        var follower = new SourceFollower(_store, _log.Enqueue) { MinBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(40) };
        using var stop = new CancellationTokenSource();

        var run = follower.RunAsync([goodSource, missing], stop.Token);
        await Eventually.WaitAsync(async () => missing.Starts >= 5 && (await StoredAsync(goodSource.Name)) == 10, "the good source stored while the missing one was retried");
        var failuresLogged = _log.Count(l => l.Contains("no file matches", StringComparison.Ordinal));
        late.Append(_dir.File("missing.log"), 7);
        await Eventually.WaitAsync(async () => await StoredAsync(missing.Name) == 7, "the missing source was read once its file appeared");
        good.Append(_dir.File("good.log"), 3);
        await Eventually.WaitAsync(async () => await StoredAsync(goodSource.Name) == 13, "the good source kept following");
        await stop.CancelAsync();
        await run;

        Assert.Equal(1, failuresLogged);
        Assert.Contains(_log, l => l == $"{missing.Name}: reading again.");
    }

    [Fact]
    public async Task LateEventsAreStoredCountedAndChangeTheirHoursSummary()
    {
        var writer = new LogWriter();
        writer.Append(_dir.File("app.log"), 4000);
        var source = TextFileSource.Create("text:" + _dir.File("app.log"))!;
        var scoredThrough = new DateTime(2024, 5, 6, 8, 0, 0, DateTimeKind.Utc);
        var follower = new SourceFollower(_store, _log.Enqueue) { ScoredThrough = scoredThrough };

        var totals = await follower.IngestOnceAsync(source, CancellationToken.None);

        Assert.Equal((4000L, 4000L, 3599L), (totals.Read, totals.Added, totals.Late));
        var hours = await _store.GetHourlySummariesAsync([source.Name], new HourRange(scoredThrough.AddHours(-1), scoredThrough), CancellationToken.None);
        Assert.Equal(3599, Assert.Single(hours).TotalEvents);
    }

    [Fact]
    public async Task ASecondOneShotIngestAddsOnlyWhatIsNew()
    {
        var writer = new LogWriter();
        writer.Append(_dir.File("app.log"), 50);
        var source = TextFileSource.Create("text:" + _dir.File("app.log"))!;
        var follower = new SourceFollower(_store, _log.Enqueue);

        var first = await follower.IngestOnceAsync(source, CancellationToken.None);
        writer.Append(_dir.File("app.log"), 5);
        var second = await follower.IngestOnceAsync(source, CancellationToken.None);

        Assert.Equal((50L, 5L, 5L), (first.Added, second.Read, second.Added));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static TextFileSource Fast(string spec) =>
        new(spec, spec["text:".Length..], isLive: false) { PollInterval = TimeSpan.FromMilliseconds(20) };

    private async Task<int> StoredAsync(string source) => (await SourceDrain.StoredAsync(_store, source)).Count;
}
