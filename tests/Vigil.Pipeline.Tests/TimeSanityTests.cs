using Microsoft.Extensions.Time.Testing;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests;

public sealed class TimeSanityTests : IDisposable
{
    private readonly Workspace _workspace = new("vigil") { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 34, 0, TimeSpan.Zero)) };

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ARowDatedDecadesAheadIsNamedOnceAndNeverDecidesTheRange()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync("2062-02-16T10:00:00Z,Error,1,P,System,WIN-SRV01.corp.example,typo year,999999");
        await _workspace.SetupAsync();
        _workspace.Warnings.Clear();

        var report = await _workspace.DetectAsync(new RunRequest());

        Assert.Equal(DemoScenario.End, report.Range.End);
        Assert.Superset(DemoScenario.IncidentHours.ToHashSet(), report.Anomalies.Select(h => h.Summary.Hour).ToHashSet());
        var future = Assert.Single(_workspace.Warnings, w => w.Contains("dated after", StringComparison.Ordinal));
        Assert.Contains("1 event dated after 2026-12-02 20:34 UTC ignored for the range", future);
        Assert.Contains("2062-02-16T10:00:00Z", future);
    }

    [Fact]
    public async Task TheLastRepresentableDateAsARowOrAsNowNeverThrows()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync("9999-12-31T23:59:59Z,Error,1,P,System,WIN-SRV01.corp.example,end of time,999998");
        await _workspace.SetupAsync();

        var fromFile = await _workspace.DetectAsync(new RunRequest());
        var atTheEnd = await _workspace.DetectAsync(new RunRequest(Now: DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)));

        Assert.Equal(DemoScenario.End, fromFile.Range.End);
        Assert.Equal(HourRange.LastHour, atTheEnd.Range.End);
        Assert.Equal(24, atTheEnd.Hours.Count);
    }

    [Fact]
    public async Task SyslogAndTextReadOfOneFileAgreeOnNow()
    {
        var log = Path.Combine(_workspace.Dir, "app.log");
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        File.WriteAllLines(log, Enumerable.Range(0, 30 * 24).Select(i =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.AddHours(i):yyyy-MM-ddTHH:mm:ss}+00:00 web01 app[1]: request {i % 4} served")));
        _workspace.Config = _workspace.Config with { Detection = _workspace.Config.Detection with { Model = "seed" } };

        var asSyslog = await _workspace.SetupAsync(new RunRequest("syslog:" + log));
        var asText = await _workspace.SetupAsync(new RunRequest("text:" + log));

        Assert.Equal(asSyslog.Range, asText.Range);
        Assert.Equal(new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc), asText.Range.End);
    }
}
