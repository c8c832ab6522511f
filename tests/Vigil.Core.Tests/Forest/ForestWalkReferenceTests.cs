using Vigil.Core.Features;
using Vigil.Core.Forest;

namespace Vigil.Core.Tests.Forest;

/// <summary>
/// Scoring through the product road (blocks, column-major copy, vector and scalar walks) against the plainest walk
/// of the stored trees, written here: a row goes right exactly when its float32 value is above the double threshold.
/// </summary>
public sealed class ForestWalkReferenceTests
{
    // Depths 3, 6, 8 (every vector level: loads, register picks, AVX-512 picks), 9 and 11 (gathered nodes past 8);
    // widths from 3 to 70 features (70 makes blocks of 58 rows: seven vector groups and two rows left over).
    [Theory]
    [InlineData(3, 6, 1)]
    [InlineData(20, 40, 2)]
    [InlineData(50, 256, 3)]
    [InlineData(20, 300, 4)]
    [InlineData(70, 256, 5)]
    [InlineData(7, 2000, 6)]
    public void ScoresEqualThePlainWalkOfTheStoredTreesOnRowsAtAndAroundEveryThreshold(int columns, int maxSamples, int seed)
    {
        // Given a forest fitted on random rows, and rows made of thresholds, their float neighbours, NaN and extremes
        var random = new Random(seed);
        var fit = new FeatureMatrix(2500, columns);
        for (var i = 0; i < fit.Rows; i++)
        {
            for (var f = 0; f < columns; f++)
            {
                fit[i, f] = (random.NextDouble() - 0.3) * (f + 1) * 10;
            }
        }

        var forest = IsolationForest.Fit(fit, new IsolationForestOptions { MaxSamples = maxSamples, RandomState = seed });
        var data = forest.Data;
        var splits = data.Value.Where((_, n) => data.Feature[n] >= 0).ToArray();
        var rows = new FeatureMatrix(203, columns);
        for (var i = 0; i < rows.Rows; i++)
        {
            for (var f = 0; f < columns; f++)
            {
                var threshold = splits[random.Next(splits.Length)];
                rows[i, f] = random.Next(10) switch
                {
                    0 => double.NaN,
                    1 => random.Next(2) == 0 ? double.PositiveInfinity : -float.MaxValue,
                    2 => threshold,
                    3 => MathF.BitIncrement((float)threshold),
                    4 => MathF.BitDecrement((float)threshold),
                    _ => fit[random.Next(fit.Rows), f],
                };
            }
        }

        // When the rows are scored as a matrix and one by one
        var scores = new double[rows.Rows];
        forest.ScoreSamples(rows, scores);

        // Then each score is the plain walk's, bit for bit, and the rows end in many different leaves
        for (var i = 0; i < rows.Rows; i++)
        {
            var expected = PlainScore(data, rows.Row(i));
            Assert.Equal(expected, scores[i]);
            Assert.Equal(expected, forest.ScoreSample(rows.Row(i)));
        }

        Assert.True(scores.Distinct().Count() > rows.Rows / 3, "rows should end in different leaves");
    }

    // NaN is above nothing, so it goes left, as in the walks scoring has always used.
    private static double PlainScore(ForestData data, ReadOnlySpan<double> row)
    {
        var depth = 0.0;
        foreach (var root in data.Roots)
        {
            var node = root;
            while (data.Feature[node] >= 0)
            {
                node = (double)(float)row[data.Feature[node]] > data.Value[node] ? data.Left[node] + 1 : data.Left[node];
            }

            depth += data.Value[node];
        }

        return -Math.Pow(2.0, -(depth / (data.Roots.Length * PathLength.Average(data.SampleSize))));
    }
}
