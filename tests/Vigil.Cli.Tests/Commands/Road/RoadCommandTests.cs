using System.Globalization;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Road;

/// <summary>The one ingestion road and the per-scope verdicts, driven through the real binary as a new user would.</summary>
public sealed class RoadCommandTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-road-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExportWritesTheHoursOfASyslogFileIngestedWithoutAModel()
    {
        var log = Path.Combine(_dir, "syslog");
        File.WriteAllLines(log, Enumerable.Range(0, 30).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{Start.AddMinutes(i * 6):yyyy-MM-ddTHH:mm:ss}+00:00 web01 sshd[{100 + i}]: {(i % 5 == 0 ? "error: " : string.Empty)}session {i} opened")));

        var ingest = await VigilProcess.RunAsync(_dir, "ingest", "--source", "syslog:" + log);
        var export = await VigilProcess.RunAsync(_dir, "export", "hours", "--source", "syslog:" + log, "--output", "hours.csv");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(0, export.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(_dir, "hours.csv"));
        Assert.StartsWith("hour_timestamp,total_events,error_count,warning_count,info_count,error_rate,is_anomaly", rows[0]);
        Assert.Equal(["2026-11-30 09:00:00,10", "2026-11-30 10:00:00,10", "2026-11-30 11:00:00,10"], rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));
        Assert.All(rows.Skip(1), r => Assert.EndsWith(",,,,,", r));
    }

    [Fact]
    public async Task IngestTakesAFileSourceAndHonoursMinLevel()
    {
        var csv = Path.Combine(_dir, "events.csv");
        File.WriteAllLines(csv,
        [
            "time_created,level,event_id,provider,channel,computer,message,record_id",
            "2026-11-30T10:00:00Z,Error,1,P,System,host,bad,1",
            "2026-11-30T10:01:00Z,Information,2,P,System,host,fine,2",
            "2026-11-30T10:02:00Z,Warning,3,P,System,host,hmm,3",
        ]);
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "config.ini"), "[vigil]\nmin_level = Warning\n");

        var ingest = await VigilProcess.RunAsync(_dir, "ingest", "--source", "file:" + csv);

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("2 read, 2 new", ingest.Out);
    }

    [Fact]
    public async Task SetupRefusesASparseWeekWithExit2NamingTheCountsAndForce()
    {
        var csv = Path.Combine(_dir, "day.csv");
        File.WriteAllLines(csv, new[] { "time_created,level,event_id,provider,channel,computer,message,record_id" }.Concat(Enumerable.Range(0, 24 * 6).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{Start.AddMinutes(i * 10):yyyy-MM-ddTHH:mm:ssZ},Information,7036,SCM,System,host,service state {i % 3},{i}"))));

        var refused = await VigilProcess.RunAsync(_dir, "setup", "--source", "file:" + csv, "--now", "2026-12-01T09:00:00Z");
        var forced = await VigilProcess.RunAsync(_dir, "setup", "--source", "file:" + csv, "--now", "2026-12-01T09:00:00Z", "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("Only 24 of 168 training hours", refused.Error.Trim().Split('\n')[^1]);
        Assert.Contains("--force", refused.Error);
        Assert.DoesNotContain("   at ", refused.Error);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("24 of 168 with events", forced.Out);
    }
}
