using Vigil.Cli.Tests.Support;
using Vigil.Core.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Templates;

public sealed class TemplatesLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-templates-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RawLinesOfASharedLogScoreAsTheirMessagesDoBecauseTheHeaderIsStripped()
    {
        var data = LoghubDataset.Load("HDFS");
        var raw = Path.Combine(Path.GetDirectoryName(data.StructuredPath)!, "HDFS_2k.log");

        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", "text:" + raw, "--assignments", "out.csv", "--show-format");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("header: number (pid/tid), level, component:", result.Out);
        Assert.Equal("1.0000", DrainRefScorer.Score(data.StructuredPath, Path.Combine(_dir, "out.csv")));
    }

    [Fact]
    public async Task AGivenFormatIsUsedInsteadOfInference()
    {
        File.WriteAllLines(Path.Combine(_dir, "odd.log"), Enumerable.Range(0, 40).Select(i => $"host{i % 3} ~ 2026-03-0{1 + (i % 9)} ~ 10:0{i % 10}:00 ~ job {i} done"));

        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", "text:odd.log", "--show-format", "--format", "<Host> ~ <Date> ~ <Time> ~ <Content>", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("configured format: <Host> ~ <Date> ~ <Time> ~ <Content>", result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("job <*> done", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("template").GetString());
    }

    [Fact]
    public async Task AFormatWithoutATimeIsOneLineAndExitCode2()
    {
        File.WriteAllText(Path.Combine(_dir, "odd.log"), "a b\n");

        var result = await VigilProcess.RunAsync(_dir, "templates", "--source", "text:odd.log", "--format", "<Host> <Content>");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--format: format '<Host> <Content>' needs a time field (<Timestamp>, or <Date> and <Time>) and a <Content> field", result.Error.Trim());
    }
}
