using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class EvtxFileSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-evtx-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryRecordBecomesAnEventWithLibevtxsSystemFields()
    {
        var file = EvtxSamples.Path("system.evtx");
        var oracle = EvtxOracle.RunEvtxExport(file);

        var events = await ReadAll(EvtxFileSource.Create(file));

        Assert.Equal(oracle.Records.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = SystemFields.Parse(oracle.Records[i]);
            var e = events[i];
            Assert.Equal(expected.EventId, e.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Level, e.Level.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Provider, e.Provider);
            Assert.Equal(expected.Channel, e.Channel);
            Assert.Equal(expected.TimeCreated, e.TimeCreated);
            Assert.Equal(DateTimeKind.Utc, e.TimeCreated.Kind);
            Assert.Contains($"/{expected.Channel}/{expected.RecordId}/", e.RecordKey, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AFolderIsReadRecursivelyAndTheSameLogExportedTwiceGivesTheSameKeys()
    {
        var sample = EvtxSamples.Path("security.evtx");
        Directory.CreateDirectory(Path.Combine(_dir, "a", "b"));
        File.Copy(sample, Path.Combine(_dir, "first.evtx"));
        File.Copy(sample, Path.Combine(_dir, "a", "b", "second export.EVTX"));

        var events = await ReadAll(EvtxFileSource.Create(_dir));
        var single = await ReadAll(EvtxFileSource.Create(sample));

        Assert.Equal(2 * single.Count, events.Count);
        Assert.Equal(single.Select(static e => e.RecordKey).ToHashSet(), events.Select(static e => e.RecordKey).ToHashSet());
    }

    [Fact]
    public async Task OnlyEventsInsideFromToAreReturnedAndProgressReachesTheEnd()
    {
        var file = EvtxSamples.Path("sysmon.evtx");
        var all = await ReadAll(EvtxFileSource.Create(file));
        var times = all.Select(static e => e.TimeCreated).Order().ToList();
        var from = times[times.Count / 3];
        var to = times[2 * times.Count / 3];
        var progress = new List<double>();

        var some = await ReadAll(EvtxFileSource.Create(file), new SourceReadOptions { From = from, To = to, Progress = new SynchronousProgress(progress) });

        Assert.Equal(all.Count(e => e.TimeCreated >= from && e.TimeCreated < to), some.Count);
        Assert.All(some, e => Assert.InRange(e.TimeCreated, from, to.AddTicks(-1)));
        Assert.Equal(1.0, progress[^1], 3);
    }

    [Fact]
    public async Task DamageIsReportedThroughWarnAndTheGoodRecordsAreStillReturned()
    {
        var file = EvtxSamples.Path("sample_with_a_bad_chunk_magic.evtx");
        var warnings = new List<string>();

        var events = await ReadAll(EvtxFileSource.Create(file), new SourceReadOptions { Warn = warnings.Add });

        Assert.Contains(warnings, w => w.Contains("rest of chunk skipped", StringComparison.Ordinal) || w.Contains("bad magic", StringComparison.Ordinal));
        Assert.Equal(EvtxOracle.RunEvtxExport(file).Records.Count, events.Count);
    }

    [Fact]
    public void TheSourceFactoryMakesAnEvtxSourceNamedAfterItsSpec()
    {
        var spec = $"evtx:{EvtxSamples.Path("system.evtx")}";

        var source = SourceFactory.Create(spec);

        Assert.IsType<EvtxFileSource>(source);
        Assert.Equal(spec, source.Name);
        Assert.False(source.IsLive);
    }

    [Fact]
    public async Task AMissingPathIsASourceError()
    {
        var source = EvtxFileSource.Create(Path.Combine(_dir, "nowhere"));

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAll(source));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<LogEvent>> ReadAll(ILogSource source, SourceReadOptions? options = null)
    {
        var events = new List<LogEvent>();
        await foreach (var e in source.ReadAsync(options ?? SourceReadOptions.Everything, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed class SynchronousProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
