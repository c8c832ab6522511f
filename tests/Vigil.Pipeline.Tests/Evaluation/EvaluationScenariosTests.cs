using System.Globalization;
using System.Text;
using Vigil.Collectors.Scenarios;
using Vigil.Core.Evaluation;
using Vigil.Core.Models;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Evaluation;
using Xunit.Abstractions;

namespace Vigil.Pipeline.Tests.Evaluation;

public sealed class EvaluationScenariosTests
{
    // The shipped road (ingest, setup, detect over a temporary store), run once for the whole class.
    private static readonly Lazy<IReadOnlyList<(EvaluationScenario Scenario, ModelEvaluation Seed, ModelEvaluation Vigil)>> Results = new(() =>
        [.. EvaluationScenarios.All().Select(s => Evaluate(s).GetAwaiter().GetResult())]);

    private readonly ITestOutputHelper _output;

    public EvaluationScenariosTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheVigilModelBeatsTheSeedModelOnF1AndRecallOverTheWholeSet()
    {
        _output.WriteLine(Table());
        var seed = DetectionMetrics.Pool([.. Results.Value.Select(r => r.Seed.Metrics)]);
        var vigil = DetectionMetrics.Pool([.. Results.Value.Select(r => r.Vigil.Metrics)]);

        Assert.True(vigil.F1 > seed.F1, $"vigil F1 {vigil.F1} vs seed {seed.F1}");
        Assert.True(vigil.Recall > seed.Recall, $"vigil recall {vigil.Recall} vs seed {seed.Recall}");
    }

    [Theory]
    [InlineData("brute-force")]
    [InlineData("service-install")]
    [InlineData("disk-errors")]
    [InlineData("time-drift")]
    [InlineData("audit-log-cleared")]
    [InlineData("app-crash-storm")]
    [InlineData("silent-log")]
    [InlineData("real-records")]
    public void TheVigilModelCatchesEachIncidentType(string name)
    {
        var (scenario, _, vigil) = Results.Value.Single(r => r.Scenario.Name == name);

        var caught = vigil.Hours.Where(h => h.IsAnomaly && scenario.IncidentHours.Contains(h.Summary.Hour)).ToList();

        Assert.NotEmpty(caught);
        Assert.All(caught, h => Assert.NotEmpty(h.Reasons));
    }

    [Fact]
    public void TheSlowVolumeDriftDoesNotPage()
    {
        var (scenario, _, vigil) = Results.Value.Single(r => r.Scenario.Name == "volume-drift");

        var week3 = vigil.Hours.Where(h => h.Summary.Hour >= EvaluationScenarios.Week3).ToList();

        Assert.Empty(scenario.IncidentHours);
        Assert.Equal(7 * 24, week3.Count);
        Assert.DoesNotContain(week3, h => h.IsAnomaly);
    }

    [Fact]
    public void TheVigilModelRaisesFewFalseAlarmsOnOrdinaryHours()
    {
        var vigil = DetectionMetrics.Pool([.. Results.Value.Select(r => r.Vigil.Metrics)]);

        // Fewer than 1 in 100 ordinary hours paged.
        Assert.True(vigil.FalsePositives * 100 < vigil.Hours - vigil.Positives, $"{vigil.FalsePositives} false alarms in {vigil.Hours - vigil.Positives} ordinary hours");
    }

    private static async Task<(EvaluationScenario, ModelEvaluation, ModelEvaluation)> Evaluate(EvaluationScenario scenario)
    {
        var results = await ShippedEvaluation.RunAsync(scenario.Events, scenario.IncidentHours, [SeedModel.Kind, VigilModel.Kind], ConfigLoader.Defaults(), CancellationToken.None);
        return (scenario, results[0], results[1]);
    }

    private static string Table()
    {
        var text = new StringBuilder("scenario | incident hours | seed P/R/F1 (flagged) | vigil P/R/F1 (flagged)\n");
        foreach (var (scenario, seed, vigil) in Results.Value)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{scenario.Name} | {scenario.IncidentHours.Count} | {Cells(seed.Metrics)} | {Cells(vigil.Metrics)}");
        }

        var pooledSeed = DetectionMetrics.Pool([.. Results.Value.Select(r => r.Seed.Metrics)]);
        var pooledVigil = DetectionMetrics.Pool([.. Results.Value.Select(r => r.Vigil.Metrics)]);
        text.AppendLine(CultureInfo.InvariantCulture, $"all | {pooledSeed.Positives} | {Cells(pooledSeed)} | {Cells(pooledVigil)}");
        return text.ToString();
    }

    private static string Cells(DetectionMetrics m) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ratio(m.Precision)}/{Ratio(m.Recall)}/{Ratio(m.F1)} ({m.Flagged})");

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
