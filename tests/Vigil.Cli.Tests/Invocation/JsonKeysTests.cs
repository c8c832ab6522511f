using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Cli.Tests.Support;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>Every <c>--json</c> output uses snake_case keys, as the original tool's JSON and Vigil's API do.</summary>
public sealed partial class JsonKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-json-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryJsonVerbPrintsOnlySnakeCaseKeys()
    {
        EventsCsv.Write(Path.Combine(_dir, "ev.csv"));
        File.WriteAllText(Path.Combine(_dir, "app.log"), "2026-02-16 10:00:01 ERROR db connection 7 lost\n2026-02-16 10:00:02 INFO db connection 8 opened\n");
        var evtx = Path.Combine(SharedData.Directory, "evtx", "security.evtx");
        string[][] verbs =
        [
            ["ingest", "--source", "file:ev.csv", "--json"],
            ["setup", "--source", "file:ev.csv", "--now", EventsCsv.WeekEnd, "--json"],
            ["detect", "--source", "file:ev.csv", "--json"],
            ["status", "--json"],
            ["evtx", "info", evtx, "--json"],
            ["templates", "--source", "text:app.log", "--json"],
            ["alert", "list", "--json"],
            ["alert", "send", "--json"],
            ["model", "list", "--json"],
            ["incidents", "--json"],
            ["evaluate", "--feedback", "--source", "file:ev.csv", "--json"],
            ["evaluate", "--attack-week", Path.Combine(SharedData.Directory, "evtx"), "--json"],
        ];

        var offenders = new List<string>();
        foreach (var args in verbs)
        {
            var result = await VigilProcess.RunAsync(_dir, args);
            Assert.True(result.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
            using var json = JsonDocument.Parse(result.Out);
            offenders.AddRange(Keys(json.RootElement).Where(k => !SnakeCase().IsMatch(k)).Select(k => $"{args[0]} {args[1]}: {k}"));
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<string> Keys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Keys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Keys),
        _ => [],
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
