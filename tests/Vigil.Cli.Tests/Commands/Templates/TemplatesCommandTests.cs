using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Core.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Templates;

public sealed class TemplatesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-templates-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AssignmentsWrittenByTheVerbAreScoredByTheSharedScorerAsMeasuredInProcess()
    {
        var data = LoghubDataset.Load("OpenSSH");
        File.WriteAllText(Path.Combine(_dir, "messages.txt"), string.Concat(data.Contents.Select(c => c + "\n")));

        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", "text:messages.txt", "--assignments", "out.csv", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(data.Contents.Count, json.RootElement.EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        var rows = File.ReadAllLines(Path.Combine(_dir, "out.csv"));
        Assert.Equal("line,template_id", rows[0]);
        var ids = rows.Skip(1).Select(r => int.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        var inProcess = data.GroupingAccuracy(ids).ToString("F4", CultureInfo.InvariantCulture);
        Assert.Equal(inProcess, DrainRefScorer.Score(data.StructuredPath, Path.Combine(_dir, "out.csv")));
    }

    [Fact]
    public async Task EmptyLinesGarbageNonUtf8AndAOneMegabyteLineAreMinedWithAWarningForTheCutLine()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("user 1 logged in\n\n"));
        bytes.AddRange([0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x80, 0x0A]);
        bytes.AddRange(Encoding.ASCII.GetBytes(new string('x', 1024 * 1024) + "\nuser 2 logged in"));
        File.WriteAllBytes(Path.Combine(_dir, "bad.log"), [.. bytes]);

        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", "text:bad.log", "--assignments", "out.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("warning: line 4: 1048576 characters, only the first 16384 were mined", result.Error.Trim());
        var rows = File.ReadAllLines(Path.Combine(_dir, "out.csv"));
        Assert.Equal(["line,template_id", "1,1", "2,2", "3,3", "4,4", "5,1"], rows);
        Assert.Contains("user <*> logged in", result.Out);
    }

    [Theory]
    [InlineData("file:messages.txt", "--source 'file:messages.txt' is not supported by templates: use text:FILE (each line is one message)")]
    [InlineData("text:missing.txt", "--source text:missing.txt: file not found")]
    public async Task ASourceItCannotReadIsOneLineOnStderrAndExitCode2(string source, string expected)
    {
        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", source);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.Trim());
    }
}
