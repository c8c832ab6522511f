using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Model;

/// <summary><c>vigil model list|rollback</c> through the real binary and its models folder.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<(string Id, bool Current)> Models(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("current").GetBoolean()))];
    }

    [Fact]
    public async Task RollbackMakesThePreviousModelCurrentAndSaysSoWhenThereIsNoOlderOne()
    {
        var source = "file:" + EventsCsv.Write(Path.Combine(_dir, "ev.csv"));
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "setup", "--source", source, "--now", EventsCsv.WeekEnd)).ExitCode);
        Assert.Equal(0, (await VigilProcess.RunAsync(_dir, "setup", "--source", source, "--now", EventsCsv.WeekEnd, "--config", WriteConfig("random_state = 7"))).ExitCode);

        var before = Models((await VigilProcess.RunAsync(_dir, "model", "list", "--json")).Out);
        var rollback = await VigilProcess.RunAsync(_dir, "model", "rollback", "--json");
        var after = Models((await VigilProcess.RunAsync(_dir, "model", "list", "--json")).Out);
        var again = await VigilProcess.RunAsync(_dir, "model", "rollback");

        Assert.Equal(2, before.Count);
        Assert.True(before[0].Current);
        Assert.Equal(0, rollback.ExitCode);
        using (var restored = JsonDocument.Parse(rollback.Out))
        {
            Assert.Equal(before[1].Id, restored.RootElement.GetProperty("id").GetString());
        }

        Assert.Equal([(before[0].Id, false), (before[1].Id, true)], after);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no model older than the current one", again.Error, StringComparison.Ordinal);
        Assert.Single(again.Error.Trim().Split('\n'));
    }

    private string WriteConfig(string detection)
    {
        var path = Path.Combine(_dir, "other.ini");
        File.WriteAllText(path, $"[detection]\n{detection}\n");
        return path;
    }
}
