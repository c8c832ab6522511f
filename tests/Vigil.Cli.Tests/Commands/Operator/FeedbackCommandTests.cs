using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Commands.Operator;

/// <summary><c>vigil feedback --false-alarm [--host]</c> and the list <c>vigil status --json</c> shows, through the real binary and its SQLite store.</summary>
public sealed class FeedbackCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-feedback-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AFalseAlarmOfAHostAndOneOfEveryHostAtTheSameHourAreBothListedWithTheirHost()
    {
        await StoreEventOfAsync("web01");
        var web01 = await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm", "--host", "Web01", "--note", "backup", "--json");
        var every = await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm");
        var status = await VigilProcess.RunAsync(_dir, "status", "--json");

        Assert.Equal(0, web01.ExitCode);
        using var stored = JsonDocument.Parse(web01.Out);
        Assert.Equal("web01", stored.RootElement.GetProperty("host").GetString());
        Assert.Equal(0, every.ExitCode);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal(
            [("2026-02-16 03:00:00", null, null), ("2026-02-16 03:00:00", "web01", "backup")],
            json.RootElement.GetProperty("false_alarms").EnumerateArray().Select(f => (f.GetProperty("hour_timestamp").GetString(), f.GetProperty("host").GetString(), f.GetProperty("note").GetString())));
    }

    [Fact]
    public async Task StatusSaysWhichHostEachFalseAlarmIsFor()
    {
        await StoreEventOfAsync("web01");
        await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm", "--host", "web01");
        await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 04:00:00", "--false-alarm", "--host", "web01");
        await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm");

        var status = await VigilProcess.RunAsync(_dir, "status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("3 hours (2 on web01, 1 for every host;", string.Join(' ', status.Out.Split((char[])['\n', '\r', ' ', '│'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostWithNoStoredEventsIsAnOperatorErrorOfOneLine()
    {
        await StoreEventOfAsync("web01");

        var result = await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm", "--host", "web10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no events from host 'web10' are stored", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task AHostThatIsNotAHostNameIsAnOperatorErrorOfOneLineAndNothingIsStored()
    {
        var result = await VigilProcess.RunAsync(_dir, "feedback", "2026-02-16 03:00:00", "--false-alarm", "--host", "web01/syslog");
        var status = await VigilProcess.RunAsync(_dir, "status", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("host 'web01/syslog' is not a host name", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        using var json = JsonDocument.Parse(status.Out);
        Assert.Empty(json.RootElement.GetProperty("false_alarms").EnumerateArray());
    }

    private async Task StoreEventOfAsync(string host)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "data"));
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "data", "vigil.db"));
        var at = new DateTime(2026, 2, 16, 3, 10, 0, DateTimeKind.Utc);
        await store.AddEventsAsync(HostSource.Compose(host, "syslog"), [new LogEvent(at, 4, 7, "cron", "syslog", host, "daily job", "k1")], null, CancellationToken.None);
    }
}
