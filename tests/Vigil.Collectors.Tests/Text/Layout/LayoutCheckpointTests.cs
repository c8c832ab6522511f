using System.Text.Json;
using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;

namespace Vigil.Collectors.Tests.Text.Layout;

public sealed class LayoutCheckpointTests
{
    [Fact]
    public async Task TheLearnedLayoutIsStoredWithTheFileAndUsedAfterARestart()
    {
        using var dir = new TempDirectory();
        var path = dir.File("health.log");
        var lines = LayoutSamples.Lines("healthapp", 120);
        await File.WriteAllLinesAsync(path, lines.Take(100).Select(l => l.Line));
        var source = TextFileSource.Create("text:" + path)!;

        var checkpoint = await FirstBatchCheckpointAsync(source, null);
        // A restart whose stored layout says the message starts after one column less shows the stored one is used.
        var stored = JsonDocument.Parse(checkpoint).RootElement.GetProperty("files")[0].GetProperty("layout");
        var edited = checkpoint.Replace("\"header\":[\"Free\",\"Number\"]", "\"header\":[\"Free\"]", StringComparison.Ordinal);
        await File.AppendAllLinesAsync(path, lines.Skip(100).Select(l => l.Line));
        var after = new List<string>();
        await foreach (var batch in source.FollowAsync(edited, new SourceReadOptions(), CancellationToken.None))
        {
            after.AddRange(batch.Events.Select(e => e.Message!));
            if (batch.CaughtUp)
            {
                break;
            }
        }

        Assert.Equal("Compact", stored.GetProperty("style").GetString());
        Assert.Equal("[\"Free\",\"Number\"]", stored.GetProperty("header").GetRawText());
        Assert.Equal(lines.Skip(100).Select(l => l.Line.Split('|')[2] + "|" + l.Message), after);
    }

    private static async Task<string> FirstBatchCheckpointAsync(TextFileSource source, string? checkpoint)
    {
        await foreach (var batch in source.FollowAsync(checkpoint, new SourceReadOptions(), CancellationToken.None))
        {
            if (batch.CaughtUp)
            {
                return batch.Checkpoint!;
            }
        }

        throw new InvalidOperationException("the source ended without catching up");
    }
}
