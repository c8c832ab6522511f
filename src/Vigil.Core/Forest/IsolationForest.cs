using Vigil.Core.Features;

namespace Vigil.Core.Forest;

/// <summary>
/// An isolation forest with scikit-learn's semantics: <see cref="ScoreSample"/> is <c>score_samples</c>
/// (the opposite of the anomaly score, so lower is more abnormal), <see cref="Offset"/> is <c>offset_</c>
/// (the contamination percentile of the training scores) and a row is an anomaly when its score is below it.
/// </summary>
public sealed class IsolationForest
{
    private readonly ForestData _data;
    private readonly double _normaliser;

    public IsolationForest(ForestData data)
    {
        if (data.Roots.Length == 0 || data.Feature.Length != data.Value.Length || data.Feature.Length != data.Left.Length)
        {
            throw new ArgumentException("The forest data is inconsistent.", nameof(data));
        }

        _data = data;
        _normaliser = -1.0 / (data.Roots.Length * PathLength.Average(data.SampleSize));
    }

    public ForestData Data => _data;

    public double Offset => _data.Offset;

    public int FeatureCount => _data.FeatureCount;

    public static IsolationForest Fit(FeatureMatrix x, IsolationForestOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NEstimators, 1);
        if (options.Contamination is <= 0 or > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Contamination, "Contamination must be in (0, 0.5].");
        }

        if (x.Rows < 2)
        {
            throw new ArgumentException($"At least 2 rows are needed to fit, got {x.Rows}.", nameof(x));
        }

        var sampleSize = Math.Min(options.MaxSamples, x.Rows);
        var master = new Random(options.RandomState);
        var seeds = new int[options.NEstimators];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = master.Next();
        }

        var trees = new IsolationTreeBuilder[seeds.Length];
        var parallelism = options.Parallelism <= 0 ? Environment.ProcessorCount : options.Parallelism;
        Parallel.For(0, trees.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, t =>
        {
            var builder = new IsolationTreeBuilder(x, seeds[t], sampleSize);
            builder.Build(sampleSize);
            trees[t] = builder;
        });

        var unfitted = new IsolationForest(Concatenate(trees, sampleSize, x.Columns, offset: 0));
        var scores = new double[x.Rows];
        unfitted.ScoreSamples(x, scores);
        var offset = Percentile(scores, 100.0 * options.Contamination);
        return new IsolationForest(unfitted._data with { Offset = offset });
    }

    /// <summary>scikit-learn's <c>score_samples</c> for one row: -2^(-E[h(x)] / c(max_samples)).</summary>
    public double ScoreSample(ReadOnlySpan<double> row)
    {
        var feature = _data.Feature;
        var value = _data.Value;
        var left = _data.Left;
        var depth = 0.0;
        foreach (var root in _data.Roots)
        {
            var node = root;
            int f;
            while ((f = feature[node]) >= 0)
            {
                node = left[node] + (row[f] <= value[node] ? 0 : 1);
            }

            depth += value[node];
        }

        return -Math.Pow(2.0, depth * _normaliser);
    }

    public void ScoreSamples(FeatureMatrix x, Span<double> scores)
    {
        for (var i = 0; i < x.Rows; i++)
        {
            scores[i] = ScoreSample(x.Row(i));
        }
    }

    /// <summary>Scores rows in parallel over <paramref name="parallelism"/> threads (0 = all cores).</summary>
    public double[] ScoreSamples(FeatureMatrix x, int parallelism)
    {
        var scores = new double[x.Rows];
        var threads = parallelism <= 0 ? Environment.ProcessorCount : parallelism;
        var block = Math.Max(1024, (x.Rows + threads - 1) / threads);
        Parallel.For(0, (x.Rows + block - 1) / block, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            var end = Math.Min(x.Rows, (b + 1) * block);
            for (var i = b * block; i < end; i++)
            {
                scores[i] = ScoreSample(x.Row(i));
            }
        });
        return scores;
    }

    /// <summary>scikit-learn's <c>predict</c> as a boolean: decision_function = score - offset &lt; 0.</summary>
    public bool IsAnomaly(double score) => score - _data.Offset < 0;

    private static ForestData Concatenate(IsolationTreeBuilder[] trees, int sampleSize, int features, double offset)
    {
        var total = trees.Sum(t => t.Feature.Count);
        var feature = new int[total];
        var value = new double[total];
        var left = new int[total];
        var roots = new int[trees.Length];
        var at = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            roots[t] = at;
            var tree = trees[t];
            for (var n = 0; n < tree.Feature.Count; n++)
            {
                feature[at + n] = tree.Feature[n];
                value[at + n] = tree.Value[n];
                left[at + n] = tree.Left[n] < 0 ? -1 : tree.Left[n] + at;
            }

            at += tree.Feature.Count;
        }

        return new ForestData(sampleSize, features, offset, roots, feature, value, left);
    }

    /// <summary>numpy's default (linear) percentile.</summary>
    internal static double Percentile(double[] values, double percent)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var position = percent / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
