using Vigil.Core.Features;

namespace Vigil.Core.Forest;

/// <summary>
/// An isolation forest with scikit-learn's semantics: <see cref="ScoreSample"/> is <c>score_samples</c>
/// (the opposite of the anomaly score, so lower is more abnormal), <see cref="Offset"/> is <c>offset_</c>
/// (the contamination percentile of the training scores) and a row is an anomaly when its score is below it.
/// Like scikit-learn, values are seen as float32 by the trees.
/// </summary>
public sealed class IsolationForest
{
    // At most this many values (rows × features) per call of a scorer that takes any number of rows.
    private const int ValuesPerBlock = 4096;
    private const int MinRowsPerTask = 512;

    private readonly ForestData _data;
    private readonly double _denominator;
    private readonly IPathLengthScorer _scorer;

    public IsolationForest(ForestData data)
        : this(Validated(data), null)
    {
    }

    // The offset does not change how trees are walked, so a refitted offset can reuse the scorer.
    private IsolationForest(ForestData data, IPathLengthScorer? scorer)
    {
        _data = data;
        _denominator = data.Roots.Length * PathLength.Average(data.SampleSize);
        _scorer = scorer ?? (IPathLengthScorer?)PerfectTreeScorer.TryCreate(data) ?? new LinkedTreeScorer(data);
    }

    public ForestData Data => _data;

    public double Offset => _data.Offset;

    public int FeatureCount => _data.FeatureCount;

    public static IsolationForest Fit(FeatureMatrix x, IsolationForestOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (x.Rows < 2)
        {
            throw new ArgumentException($"At least 2 rows are needed to fit, got {x.Rows}.", nameof(x));
        }

        RejectNonFinite(x);
        var sampleSize = Math.Min(options.MaxSamples, x.Rows);
        var master = new Random(options.RandomState);
        var seeds = new int[options.NEstimators];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = master.Next();
        }

        var trees = new IsolationTreeBuilder[seeds.Length];
        var parallelism = Threads(options.Parallelism);
        Parallel.For(0, trees.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var builder = new IsolationTreeBuilder(x, seeds[t], sampleSize);
            builder.Build();
            trees[t] = builder;
        });

        var unfitted = new IsolationForest(Concatenate(trees, sampleSize, x.Columns));
        var offset = Percentile.Linear(unfitted.ScoreSamples(x, parallelism), 100.0 * options.Contamination);
        return new IsolationForest(unfitted._data with { Offset = offset }, unfitted._scorer);
    }

    /// <summary>scikit-learn's <c>score_samples</c> for one row: -2^(-E[h(x)] / c(max_samples)).</summary>
    public double ScoreSample(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {row.Length}.", nameof(row));
        }

        Span<double> depth = stackalloc double[1];
        _scorer.AddPathLengths(row, 1, depth);
        return Score(depth[0]);
    }

    public void ScoreSamples(FeatureMatrix x, Span<double> scores)
    {
        CheckShape(x, scores.Length);
        ScoreRange(x, 0, x.Rows, scores);
    }

    /// <summary>Scores rows in parallel over <paramref name="parallelism"/> threads (0 = all cores).</summary>
    public double[] ScoreSamples(FeatureMatrix x, int parallelism)
    {
        var scores = new double[x.Rows];
        CheckShape(x, scores.Length);
        var threads = Threads(parallelism);
        if (threads == 1 || x.Rows < 2 * MinRowsPerTask)
        {
            ScoreRange(x, 0, x.Rows, scores);
            return scores;
        }

        // Several tasks per thread so a thread slowed by a neighbour does not hold up the rest.
        var chunk = Math.Max(MinRowsPerTask, x.Rows / (threads * 4));
        Parallel.For(0, (x.Rows + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var start = c * chunk;
            ScoreRange(x, start, Math.Min(x.Rows, start + chunk), scores);
        });
        return scores;
    }

    /// <summary>scikit-learn's <c>predict</c> as a boolean: decision_function = score - offset &lt; 0.</summary>
    public bool IsAnomaly(double score) => score - _data.Offset < 0;

    private static ForestData Validated(ForestData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        return data;
    }

    private static int Threads(int parallelism) => parallelism <= 0 ? Environment.ProcessorCount : parallelism;

    private void ScoreRange(FeatureMatrix x, int start, int end, Span<double> scores)
    {
        var columns = x.Columns;
        var block = Math.Max(1, Math.Min(_scorer.MaxRowsPerCall, ValuesPerBlock / columns));
        Span<double> depths = stackalloc double[block];
        for (var first = start; first < end; first += block)
        {
            var count = Math.Min(block, end - first);
            depths.Clear();
            _scorer.AddPathLengths(x.RowBlock(first, count), count, depths);
            for (var r = 0; r < count; r++)
            {
                scores[first + r] = Score(depths[r]);
            }
        }
    }

    // With max_samples = 1 the denominator is 0 and scikit-learn scores every row -2^-1.
    private double Score(double depth) => -Math.Pow(2.0, _denominator != 0 ? -(depth / _denominator) : -1.0);

    private void CheckShape(FeatureMatrix x, int scoreCount)
    {
        if (x.Columns != FeatureCount)
        {
            throw new ArgumentException($"The forest was fitted on {FeatureCount} features, the matrix has {x.Columns}.", nameof(x));
        }

        if (scoreCount < x.Rows)
        {
            throw new ArgumentException($"Room for {scoreCount} scores, {x.Rows} rows to score.", nameof(scoreCount));
        }
    }

    // scikit-learn refuses NaN, infinity and values too large for float32 in the same way.
    private static void RejectNonFinite(FeatureMatrix x)
    {
        for (var i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (var f = 0; f < row.Length; f++)
            {
                if (!float.IsFinite((float)row[f]))
                {
                    throw new ArgumentException($"Row {i}, feature {f} is {row[f]}: NaN, infinite or too large for float32.", nameof(x));
                }
            }
        }
    }

    private static ForestData Concatenate(IsolationTreeBuilder[] trees, int sampleSize, int features)
    {
        var total = trees.Sum(t => t.NodeCount);
        var feature = new int[total];
        var value = new double[total];
        var left = new int[total];
        var roots = new int[trees.Length];
        var at = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            roots[t] = at;
            var tree = trees[t];
            tree.Feature.CopyTo(feature.AsSpan(at));
            tree.Value.CopyTo(value.AsSpan(at));
            var treeLeft = tree.Left;
            for (var n = 0; n < treeLeft.Length; n++)
            {
                left[at + n] = treeLeft[n] < 0 ? -1 : treeLeft[n] + at;
            }

            at += tree.NodeCount;
        }

        return new ForestData(sampleSize, features, 0, roots, feature, value, left);
    }
}
