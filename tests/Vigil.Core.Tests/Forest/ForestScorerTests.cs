using Vigil.Core.Features;
using Vigil.Core.Forest;
using Vigil.Core.Tests.Forest.Support;

namespace Vigil.Core.Tests.Forest;

/// <summary>The tree layouts scoring uses: each must give exactly the path lengths of the stored trees.</summary>
public sealed class ForestScorerTests
{
    private static readonly FeatureMatrix Blob = PlantedMatrices.GaussianBlob(700, 5, 10).Matrix;

    [Fact]
    public void PaddedPerfectTreesGiveTheSamePathLengthsAsTheLinkedTrees()
    {
        // Given a fitted forest, whose trees have leaves at many depths
        var data = IsolationForest.Fit(Blob, new IsolationForestOptions { NEstimators = 30 }).Data;
        var perfect = PerfectTreeScorer.TryCreate(data)!;
        var linked = new LinkedTreeScorer(data);

        // When both layouts walk the same block of rows
        var rows = new double[40 * 5];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)Blob[i / 5, i % 5];
        }

        var fromPerfect = new double[40];
        var fromLinked = new double[40];
        perfect.AddPathLengths(rows, 40, fromPerfect);
        linked.AddPathLengths(rows, 40, fromLinked);

        // Then they sum to exactly the same depths
        Assert.Equal(fromLinked, fromPerfect);
    }

    // Depths 3 to 8: below, at and past the levels the vector walk picks from registers instead of gathering.
    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(256)]
    public void TheVectorWalkGivesBitForBitTheScalarWalksPathLengths(int maxSamples)
    {
        // Given a forest and 61 rows: seven groups of eight for the vector walk and five left for the scalar one
        var data = IsolationForest.Fit(Blob, new IsolationForestOptions { MaxSamples = maxSamples }).Data;
        var scorer = PerfectTreeScorer.TryCreate(data)!;
        var rows = new double[61 * 5];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)Blob[(i / 5) + 100, i % 5];
        }

        // When the block is walked with and without vectors
        var withVectors = new double[61];
        var withoutVectors = new double[61];
        scorer.UseVectors = true;
        scorer.AddPathLengths(rows, 61, withVectors);
        scorer.UseVectors = false;
        scorer.AddPathLengths(rows, 61, withoutVectors);

        // Then the sums are identical (on a machine without AVX2 both are the scalar walk)
        Assert.Equal(withoutVectors, withVectors);
        Assert.All(withVectors, d => Assert.InRange(d, 100.0, 100.0 * 20));
        Assert.True(withVectors.Distinct().Count() > 10, "rows should end in different leaves");
    }

    // Full 64-row blocks of random rows, narrow and wide: every level of the vector walk (loads from the column-major
    // copy, register and AVX-512 picks, gathers) against the linked trees' plain walk.
    [Theory]
    [InlineData(3, 64, 1)]
    [InlineData(20, 64, 2)]
    [InlineData(50, 64, 3)]
    [InlineData(50, 37, 4)]
    [InlineData(90, 64, 5)]
    public void TheBlockedWalkGivesBitForBitTheLinkedTreesPathLengthsOnRandomRows(int columns, int rowCount, int seed)
    {
        // Given a forest of full-depth trees fitted on random rows, and other random rows with NaN and extremes
        var random = new Random(seed);
        var fit = new FeatureMatrix(600, columns);
        for (var i = 0; i < fit.Rows; i++)
        {
            for (var f = 0; f < columns; f++)
            {
                fit[i, f] = random.NextDouble() * (f + 1);
            }
        }

        var data = IsolationForest.Fit(fit, new IsolationForestOptions { RandomState = seed }).Data;
        var rows = new double[rowCount * columns];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.Next(50) switch
            {
                0 => float.NaN,
                1 => float.MaxValue,
                2 => -float.MaxValue,
                _ => random.NextDouble() * ((i % columns) + 1), // narrowed by each walk, not here
            };
        }

        // When the padded trees (vector walk where the CPU has it) and the linked trees walk the same block
        var blocked = new double[rowCount];
        var linked = new double[rowCount];
        PerfectTreeScorer.TryCreate(data)!.AddPathLengths(rows, rowCount, blocked);
        new LinkedTreeScorer(data).AddPathLengths(rows, rowCount, linked);

        // Then every row's summed path length is the same double
        Assert.Equal(linked, blocked);
        Assert.True(blocked.Distinct().Count() > rowCount / 4, "rows should end in different leaves");
    }

    [Fact]
    public void TreesTooDeepToPadAreScoredThroughTheLinkedLayout()
    {
        // Given max_samples of 5000, trees up to 13 levels deep
        var x = PlantedMatrices.GaussianBlob(5000, 2, 0).Matrix;
        var forest = IsolationForest.Fit(x, new IsolationForestOptions { NEstimators = 3, MaxSamples = 5000 });

        // Then the padded layout declines them, and scores still equal the linked walk of the stored trees
        Assert.Null(PerfectTreeScorer.TryCreate(forest.Data));
        var scores = forest.ScoreSamples(x, 1);
        Assert.Equal(scores[17], forest.ScoreSample(x.Row(17)));
        Assert.All(scores, s => Assert.InRange(s, -1.0, 0.0));
    }

    [Fact]
    public void OneRowScoresTheSameAloneAsInAMatrix()
    {
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions());
        var scores = new double[Blob.Rows];
        forest.ScoreSamples(Blob, scores);

        for (var i = 0; i < Blob.Rows; i += 37)
        {
            Assert.Equal(scores[i], forest.ScoreSample(Blob.Row(i)));
        }
    }

    [Fact]
    public void ScoringAllocatesNothingPerRow()
    {
        // Given a fitted forest, warmed up once
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions());
        var scores = new double[Blob.Rows];
        forest.ScoreSamples(Blob, scores);
        forest.ScoreSample(Blob.Row(0));

        // When every row is scored, one by one and as a matrix
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Blob.Rows; i++)
        {
            scores[i] = forest.ScoreSample(Blob.Row(i));
        }

        forest.ScoreSamples(Blob, scores);

        // Then nothing was allocated
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WithOneSamplePerTreeEveryRowScoresMinusOneHalfLikeScikitLearn()
    {
        var forest = IsolationForest.Fit(Blob, new IsolationForestOptions { MaxSamples = 1 });

        Assert.All(forest.ScoreSamples(Blob, 1), s => Assert.Equal(-0.5, s));
    }
}
