using System.Collections.Concurrent;
using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Ingest;

public sealed class EventIngestorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteEventStore _store;
    private readonly ConcurrentQueue<string> _log = new();

    public EventIngestorTests()
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
        var follower = new EventIngestor(_store, IngestPolicy.Default, _log.Enqueue) { MinBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(40) };
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
        var follower = new EventIngestor(_store, IngestPolicy.Default, _log.Enqueue) { ScoredThrough = scoredThrough };

        var totals = await follower.IngestAsync(source, CancellationToken.None);

        Assert.Equal((4000L, 4000L, 3599L), (totals.Read, totals.Added, totals.Late));
        var stored = await SourceDrain.StoredAsync(_store, source.Name);
        Assert.Equal(3599, stored.Count(e => new HourRange(scoredThrough.AddHours(-1), scoredThrough).Contains(e.TimeCreated)));
    }

    [Fact]
    public async Task ASecondOneShotIngestAddsOnlyWhatIsNew()
    {
        var writer = new LogWriter();
        writer.Append(_dir.File("app.log"), 50);
        var source = TextFileSource.Create("text:" + _dir.File("app.log"))!;
        var follower = new EventIngestor(_store, IngestPolicy.Default, _log.Enqueue);

        var first = await follower.IngestAsync(source, CancellationToken.None);
        writer.Append(_dir.File("app.log"), 5);
        var second = await follower.IngestAsync(source, CancellationToken.None);

        Assert.Equal((50L, 5L, 5L), (first.Added, second.Read, second.Added));
    }

    [Fact]
    public async Task IngestOfAFollowedSourceKeepsOnlyLevelsAtOrAboveMinLevel()
    {
        var writer = new LogWriter();
        writer.Append(_dir.File("app.log"), 70);
        var source = TextFileSource.Create("text:" + _dir.File("app.log"))!;
        var ingestor = new EventIngestor(_store, IngestPolicy.Default with { MinLevel = LevelMapping.Error }, _log.Enqueue);

        var totals = await ingestor.IngestAsync(source, CancellationToken.None);

        // Every 7th line is an ERROR; the INFO lines are below min_level = Error.
        Assert.Equal((10L, 10L), (totals.Read, totals.Added));
        Assert.All(await SourceDrain.StoredAsync(_store, source.Name), e => Assert.Equal(LevelMapping.Error, e.Level));
    }

    [Fact]
    public async Task ARunawayMessageIsStoredCappedWithAMarkerSayingHowLongItWas()
    {
        var path = _dir.File("big.log");
        var huge = new string('x', 200_000);
        File.WriteAllText(path, $"2024-05-06 07:00:01,000 ERROR app.Worker: {huge}\n2024-05-06 07:00:02,000 INFO app.Worker: small\n");
        var source = TextFileSource.Create("text:" + path)!;

        await new EventIngestor(_store, IngestPolicy.Default, _log.Enqueue).IngestAsync(source, CancellationToken.None);

        var stored = await SourceDrain.StoredAsync(_store, source.Name);
        var big = Assert.Single(stored, e => e.Message!.StartsWith("xxx", StringComparison.Ordinal));
        Assert.True(big.Message!.Length < StoredMessage.MaxChars + 100, $"{big.Message.Length} characters stored");
        Assert.EndsWith("[truncated by Vigil: 200,000 characters in all]", big.Message);
        Assert.Contains(stored, e => e.Message == "small");
    }

    [Fact]
    public async Task EventsDatedBeyondTheToleranceAreStoredAndReportedOnceNamingTheFirst()
    {
        var path = _dir.File("events.csv");
        File.WriteAllLines(path,
        [
            "time_created,level,event_id,provider,channel,computer,message,record_id",
            "2026-11-30T10:00:00Z,Error,1,P,System,host,fine,1",
            "2062-02-16T10:00:00Z,Error,1,P,System,host,typo year,2",
            "9999-12-31T23:59:59Z,Error,1,P,System,host,worse,3",
        ]);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
        var source = SourceFactory.Create("file:" + path);

        var totals = await new EventIngestor(_store, IngestPolicy.Default, _log.Enqueue, clock).IngestAsync(source, CancellationToken.None);

        Assert.Equal(3L, totals.Added);
        var line = Assert.Single(_log);
        Assert.Equal($"{source.Name}: 2 events dated after 2026-12-02 20:00 UTC ignored for the range (first: record 2 read, 2062-02-16T10:00:00Z); check the source's clock or time zone", line);
        var span = await _store.GetEventSpanAsync([source.Name], new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), span!.Last);
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
