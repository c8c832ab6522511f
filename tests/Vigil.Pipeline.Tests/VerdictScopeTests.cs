using Vigil.Collectors.Demo;
using Vigil.Core.Detection;
using Vigil.Pipeline.Export;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests;

public sealed class VerdictScopeTests : IDisposable
{
    private readonly Workspace _workspace = new("vigil");

    public void Dispose() => _workspace.Dispose();

    private string DemoSource => "file:" + _workspace.DemoCsv;

    [Fact]
    public async Task DetectingASecondSourceKeepsTheFirstSourcesVerdictsAndEachExportsItsOwn()
    {
        await _workspace.WriteDemoCsvAsync();
        var other = Path.Combine(_workspace.Dir, "other.csv");
        var lines = File.ReadAllLines(_workspace.DemoCsv);
        File.WriteAllLines(other, lines.Take(1).Concat(lines.Where(l => l.StartsWith(DemoScenario.TrainingEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Take(50)));
        await _workspace.SetupAsync();
        var first = await _workspace.DetectAsync();

        var second = await _workspace.DetectAsync(new RunRequest("file:" + other, DemoScenario.End, 24));

        Assert.NotEqual(first.Hours.Select(h => h.Summary.TotalEvents), second.Hours.Select(h => h.Summary.TotalEvents));
        using var context = _workspace.Open();
        var demo = await ExportAsync(context, DemoSource);
        var otherRows = await ExportAsync(context, "file:" + other);
        var scoredDemo = demo.Where(h => h.Verdict is not null && h.Summary.Hour >= DemoScenario.TrainingEnd).ToList();
        Assert.Equal(first.Hours.Select(h => (h.Summary, h.IsAnomaly, h.Severity)), scoredDemo.Select(h => (h.Verdict!.Hour.Summary, h.Verdict.Hour.IsAnomaly, h.Verdict.Hour.Severity)));
        Assert.Equal(second.Hours.Select(h => h.Summary), otherRows.Where(h => h.Verdict is not null).Select(h => h.Verdict!.Hour.Summary));
        Assert.Contains(scoredDemo, h => h.Verdict!.Hour.Severity != AnomalySeverity.None);
    }

    [Fact]
    public async Task ExportCoversEveryStoredHourWhetherOrNotAModelScoredIt()
    {
        await _workspace.WriteDemoCsvAsync();
        using var context = _workspace.Open();
        await context.Ingestor(_workspace.Warnings.Add).IngestAsync(context.Sources(null)[0], CancellationToken.None);

        var rows = await ExportAsync(context, DemoSource);

        Assert.Equal(8 * 24, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Verdict));
        Assert.Equal(File.ReadAllLines(_workspace.DemoCsv).Length - 1, rows.Sum(r => r.Summary.TotalEvents));
    }

    private static async Task<List<ExportedHour>> ExportAsync(VigilContext context, string source)
    {
        var rows = new List<ExportedHour>();
        await foreach (var row in HourExport.ReadAsync(context, [context.Sources(source)[0].Name], CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
