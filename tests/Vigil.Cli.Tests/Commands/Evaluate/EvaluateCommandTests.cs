using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests.Commands.Evaluate;

/// <summary><c>vigil evaluate</c> on the user's own events and labels, as a new user runs it.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ABadLabelLineIsRefusedWithOneLineNamingItAndTheFormExpected()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "hour_timestamp,label\n2026-04-14 03:00:00,yes\n");

        var result = await VigilProcess.RunAsync(_dir, "evaluate", "--events", "evtx:" + Path.Combine(SharedData.Directory, "evtx", "sysmon.evtx"), "--labels", "labels.csv");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("labels.csv:2: expected 'hour_timestamp,label' with label 0 or 1", line);
    }

    [Fact]
    public async Task TheAttackWeekWrittenAsCsvScoresThroughEventsAndLabelsWithIncidentsAndRules()
    {
        var written = await VigilProcess.RunAsync(_dir, "evaluate", "--attack-week", Path.Combine(SharedData.Directory, "evtx"), "--write", "week");
        Assert.Equal(0, written.ExitCode);

        var vigil = await Json("--model", "vigil");
        var seed = await Json("--model", "seed");

        Assert.Equal(10, vigil.GetProperty("incidents").GetInt32());
        Assert.True(vigil.GetProperty("incidents_caught").GetInt32() >= 9, vigil.ToString());
        Assert.True(vigil.GetProperty("false_positive_hours").GetInt32() <= 2, vigil.ToString());
        Assert.True(seed.GetProperty("incidents_caught").GetInt32() < vigil.GetProperty("incidents_caught").GetInt32());
        Assert.Equal(157, vigil.GetProperty("flag_everything").GetProperty("false_positive_hours").GetInt32());
        Assert.Contains(vigil.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "never_seen_kind" && r.GetProperty("incidents").GetInt32() > 0);
    }

    private async Task<JsonElement> Json(params string[] model)
    {
        var result = await VigilProcess.RunAsync(_dir, ["evaluate", "--events", "file:" + Path.Combine("week", "events.csv"), "--labels", Path.Combine("week", "labels.csv"), "--json", .. model]);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }
}
