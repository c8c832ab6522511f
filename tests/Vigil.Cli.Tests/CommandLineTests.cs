using System.Text.Json;
using Vigil.Cli.Commands;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DemoRunsEndToEndWithNoSetupAndFlagsTheInjectedIncident()
    {
        var result = await VigilProcess.RunAsync(_dir, "demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Setup complete! Model trained successfully.", result.Out);
        Assert.Contains("Injected incident hours flagged: 3 of 3", result.Out);
        AssertReasonListsAreShort(result.Out);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "demo", "vigil.db")));
        Assert.True(File.Exists(Path.Combine(_dir, "data", "demo", "raw", "demo-events.csv")));
    }

    [Fact]
    public async Task DetectBeforeSetupPrintsTheSeedMessageAndExits2()
    {
        var result = await VigilProcess.RunAsync(_dir, "detect", "--source", "demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("There are no model files. Run 'vigil setup' first.", result.Error.Trim());
    }

    [Fact]
    public async Task SetupThenDetectOnAFilePrintsTheSeedJsonAndExits1WhenAnomaliesAreFound()
    {
        await VigilProcess.RunAsync(_dir, "demo");
        var events = Path.Combine("data", "demo", "raw", "demo-events.csv");

        var setup = await VigilProcess.RunAsync(_dir, "setup", "--source", "file:" + events, "--now", "2026-02-16T00:00:00Z");
        var detect = await VigilProcess.RunAsync(_dir, "detect", "--source", "file:" + events, "--json");

        Assert.Equal(0, setup.ExitCode);
        Assert.EndsWith("Setup complete! Model trained successfully.", setup.Out.Trim());
        Assert.Equal(1, detect.ExitCode);
        using var json = JsonDocument.Parse(detect.Out);
        var hours = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(24, hours.Count);
        string[] seedFields = ["hour_timestamp", "total_events", "error_count", "warning_count", "info_count", "error_rate", "is_anomaly", "anomaly_score"];
        Assert.All(hours, h => Assert.All(seedFields, f => Assert.True(h.TryGetProperty(f, out _), f)));
        Assert.Equal("2026-02-16 00:00:00", hours[0].GetProperty("hour_timestamp").GetString());
        Assert.Contains(hours, h => h.GetProperty("hour_timestamp").GetString() == "2026-02-16 15:00:00" && h.GetProperty("is_anomaly").GetBoolean());
    }

    [Fact]
    public async Task ASourceThatYieldsNothingSaysCollected0EventsAndExits2()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.csv"), "time_created,level,event_id\n");

        var result = await VigilProcess.RunAsync(_dir, "setup", "--source", "file:empty.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Collected 0 events from file:", result.Error.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task ABadConfigValueStopsWithOneLineAndExits2()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(Path.Combine(_dir, "config", "config.ini"), "[email]\nsmtp_port = five-eight-seven\n");

        var result = await VigilProcess.RunAsync(_dir, "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("config/config.ini: [email] smtp_port = 'five-eight-seven' is not a whole number", result.Error.Trim());
    }

    [Fact]
    public void NoTwoCommandsShareAName()
    {
        var names = new List<string>();
        void Collect(System.CommandLine.Command command, string prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                names.Add(prefix + sub.Name);
                Collect(sub, prefix + sub.Name + " ");
            }
        }

        Collect(CommandCatalog.Create(), string.Empty);

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("setup", names);
        Assert.Contains("detect", names);
    }

    // Each flagged hour's reasons: a run of "  - " lines under it, at most ReasonList.Shown, the rest counted.
    private static void AssertReasonListsAreShort(string output)
    {
        var runs = new List<int>();
        var run = 0;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("  - ", StringComparison.Ordinal))
            {
                run++;
                continue;
            }

            if (run > 0)
            {
                runs.Add(run);
            }

            run = 0;
        }

        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.InRange(r, 1, Vigil.Core.Detection.ReasonList.Shown));
        Assert.Contains("more reasons (--json lists them all)", output, StringComparison.Ordinal);
    }
}
