using Vigil.Core.Forest;
using Vigil.Core.Tests.Forest.Support;
using Xunit.Abstractions;

namespace Vigil.Core.Tests.Forest;

/// <summary>Vigil's forest against scikit-learn's on the same matrices: the same rows flagged, the same ordering.</summary>
public sealed class ScikitLearnParityTests(ScikitLearnReference reference, ITestOutputHelper output)
    : IClassFixture<ScikitLearnReference>
{
    [Theory]
    [InlineData("hourly")]
    [InlineData("blob")]
    [InlineData("constant-columns")]
    [InlineData("duplicated-rows")]
    public void FlagsThePlantedRowsAndAgreesWithScikitLearn(string name)
    {
        // Given a matrix with planted outliers, fitted by scikit-learn and by Vigil with the seed's settings
        var planted = PlantedMatrices.Get(name);
        var (referenceScores, referenceAnomalies) = reference.For(name);
        var forest = IsolationForest.Fit(planted.Matrix, new IsolationForestOptions());

        // When Vigil scores the training rows
        var scores = forest.ScoreSamples(planted.Matrix, parallelism: 1);
        var anomalies = scores.Select(forest.IsAnomaly).ToArray();

        // Then both flag every planted row, they agree on almost every row and they order rows alike
        var agreement = anomalies.Zip(referenceAnomalies).Count(p => p.First == p.Second) / (double)anomalies.Length;
        var spearman = RankCorrelation.Spearman(scores, referenceScores);
        output.WriteLine($"{planted.Name}: agreement {agreement:P2}, Spearman {spearman:F4}, flagged vigil {anomalies.Count(a => a)} sklearn {referenceAnomalies.Count(a => a)}");
        Assert.All(planted.Planted, row => Assert.True(referenceAnomalies[row], $"scikit-learn missed planted row {row}"));
        Assert.All(planted.Planted, row => Assert.True(anomalies[row], $"Vigil missed planted row {row}"));
        Assert.True(agreement >= 0.95, $"is_anomaly agreement {agreement:P2} is below 95 %");
        Assert.True(spearman >= 0.9, $"Spearman correlation {spearman:F4} is below 0.9");
    }
}
