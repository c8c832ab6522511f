using Vigil.Core.Features;
using Vigil.Core.Forest;
using Vigil.Core.Tests.Forest.Support;

namespace Vigil.Core.Tests.Forest;

public sealed class IsolationForestTests
{
    private static readonly FeatureMatrix Blob = PlantedMatrices.GaussianBlob(600, 5, 10).Matrix;

    public static TheoryData<IsolationForestOptions, string> BadOptions => new()
    {
        { new IsolationForestOptions { NEstimators = 0 }, "NEstimators" },
        { new IsolationForestOptions { Contamination = 0 }, "Contamination" },
        { new IsolationForestOptions { Contamination = 0.51 }, "Contamination" },
        { new IsolationForestOptions { Contamination = double.NaN }, "Contamination" },
        { new IsolationForestOptions { MaxSamples = 0 }, "MaxSamples" },
        { new IsolationForestOptions { Parallelism = -1 }, "Parallelism" },
    };

    [Fact]
    public void TheSameSeedGrowsTheSameForest()
    {
        var first = IsolationForest.Fit(Blob, new IsolationForestOptions { RandomState = 5 });
        var second = IsolationForest.Fit(Blob, new IsolationForestOptions { RandomState = 5 });

        AssertSameForest(first.Data, second.Data);
        Assert.Equal(first.ScoreSamples(Blob, 1), second.ScoreSamples(Blob, 1));
    }

    [Fact]
    public void AnotherSeedGrowsAnotherForest()
    {
        var first = IsolationForest.Fit(Blob, new IsolationForestOptions { RandomState = 5 });
        var second = IsolationForest.Fit(Blob, new IsolationForestOptions { RandomState = 6 });

        Assert.NotEqual(first.ScoreSamples(Blob, 1), second.ScoreSamples(Blob, 1));
        Assert.NotEqual(first.Offset, second.Offset);
    }

    [Fact]
    public void TheNumberOfThreadsChangesNeitherTheForestNorTheScores()
    {
        var large = PlantedMatrices.GaussianBlob(5000, 6, 20).Matrix;
        var single = IsolationForest.Fit(large, new IsolationForestOptions { Parallelism = 1 });
        var many = IsolationForest.Fit(large, new IsolationForestOptions { Parallelism = 4 });
        var all = IsolationForest.Fit(large, new IsolationForestOptions { Parallelism = 0 });

        AssertSameForest(single.Data, many.Data);
        AssertSameForest(single.Data, all.Data);
        var expected = single.ScoreSamples(large, 1);
        Assert.Equal(expected, single.ScoreSamples(large, 3));
        Assert.Equal(expected, single.ScoreSamples(large, 0));
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void FitRefusesOptionsScikitLearnRefuses(IsolationForestOptions options, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IsolationForest.Fit(Blob, options));

        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e39)]
    public void FitRefusesValuesScikitLearnRefuses(double value)
    {
        var x = FeatureMatrix.FromRows([[1.0, 2.0], [3.0, value], [5.0, 6.0]]);

        var error = Assert.Throws<ArgumentException>(() => IsolationForest.Fit(x, new IsolationForestOptions()));

        Assert.Contains("Row 1, feature 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreesStopAtScikitLearnsMaxDepthAndUseAtMostMaxSamplesRows()
    {
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions { MaxSamples = 100 });
        var data = forest.Data;

        Assert.Equal(100, data.SampleSize);
        foreach (var root in data.Roots)
        {
            // ceil(log2(100)) = 7
            Assert.InRange(MaxDepth(data, root), 1, 7);
        }
    }

    [Fact]
    public void ValuesThatAreEqualAsFloat32AreNotSplitLikeInScikitLearn()
    {
        // Given a column spread over 24.5 in double that is one value in float32 (spacing 64 at 1e9), and a constant one
        var x = FeatureMatrix.FromRows(Enumerable.Range(0, 50).Select(i => new[] { 1e9 + (i * 0.5), 3.0 }).ToArray());

        // When the forest is fitted, every tree is a single leaf, so every row scores the same
        var forest = IsolationForest.Fit(x, new IsolationForestOptions());

        Assert.All(forest.Data.Feature, f => Assert.Equal(-1, f));
        Assert.Single(forest.ScoreSamples(x, 1).Distinct());
    }

    [Fact]
    public void ARowIsAnAnomalyExactlyWhenItsScoreIsBelowTheOffset()
    {
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions());
        var scores = forest.ScoreSamples(Blob, 1);

        Assert.True(forest.IsAnomaly(Math.BitDecrement(forest.Offset)));
        Assert.False(forest.IsAnomaly(forest.Offset));
        Assert.InRange(scores.Count(forest.IsAnomaly), 28, 32);
    }

    [Fact]
    public void ScoringAMatrixWithOtherColumnsIsRefused()
    {
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions());

        Assert.Throws<ArgumentException>(() => forest.ScoreSamples(new FeatureMatrix(3, 4), 1));
        Assert.Throws<ArgumentException>(() => forest.ScoreSample([1.0, 2.0]));
    }

    [Fact]
    public void ACorruptForestIsRefusedWhenLoaded()
    {
        // Node 0 claims node 0 as its own child: a walk would never end.
        var data = new ForestData(256, 2, -0.5, [0], [1, -1, -1], [0.5, 1.0, 1.0], [0, -1, -1]);

        var error = Assert.Throws<ArgumentException>(() => new IsolationForest(data));

        Assert.Contains("node 0", error.Message, StringComparison.Ordinal);
    }

    private static int MaxDepth(ForestData data, int node) =>
        data.Feature[node] < 0 ? 0 : 1 + Math.Max(MaxDepth(data, data.Left[node]), MaxDepth(data, data.Left[node] + 1));

    private static void AssertSameForest(ForestData expected, ForestData actual)
    {
        Assert.Equal(expected.Offset, actual.Offset);
        Assert.Equal(expected.Roots, actual.Roots);
        Assert.Equal(expected.Feature, actual.Feature);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Left, actual.Left);
    }
}
