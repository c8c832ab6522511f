using Vigil.Core.Features;

namespace Vigil.Core.Forest;

/// <summary>
/// Grows one isolation tree the way scikit-learn's random splitter does, into flat node arrays. Like scikit-learn,
/// it sees the data as float32: values are rounded to float before ranges and partitions are computed, and each
/// threshold is stored as the largest float not above the drawn one, which sends every float input the same way.
/// </summary>
internal sealed class IsolationTreeBuilder
{
    // scikit-learn treats a feature whose range in a node is at most this as constant.
    private const double ConstantFeatureThreshold = 1e-7;

    private readonly FeatureMatrix _x;
    private readonly Random _random;
    private readonly int _sampleSize;
    private readonly int _maxDepth;
    private readonly int[] _featureOrder;
    private readonly int[] _feature;
    private readonly double[] _value;
    private readonly int[] _left;
    private int _nodeCount;

    public IsolationTreeBuilder(FeatureMatrix x, int seed, int sampleSize)
    {
        _x = x;
        _random = new Random(seed);
        _sampleSize = sampleSize;
        _maxDepth = MaxDepth(sampleSize);
        _featureOrder = new int[x.Columns];

        // A binary tree over n samples with non-empty leaves has at most 2n - 1 nodes.
        var capacity = (2 * sampleSize) - 1;
        _feature = new int[capacity];
        _value = new double[capacity];
        _left = new int[capacity];
    }

    public int NodeCount => _nodeCount;

    public ReadOnlySpan<int> Feature => _feature.AsSpan(0, _nodeCount);

    public ReadOnlySpan<double> Value => _value.AsSpan(0, _nodeCount);

    public ReadOnlySpan<int> Left => _left.AsSpan(0, _nodeCount);

    /// <summary>scikit-learn's max_depth for an isolation tree: ceil(log2(max(max_samples, 2))).</summary>
    public static int MaxDepth(int sampleSize) => (int)Math.Ceiling(Math.Log2(Math.Max(sampleSize, 2)));

    public void Build()
    {
        var samples = DrawWithoutReplacement(_x.Rows, _sampleSize);
        _nodeCount = 1;
        Grow(0, samples, 0, samples.Length, 0);
    }

    private void Grow(int node, int[] samples, int start, int end, int depth)
    {
        var count = end - start;
        if (count <= 1 || depth >= _maxDepth || !TrySplit(samples, start, end, out var feature, out var threshold, out var middle))
        {
            // Written the way scikit-learn sums it: nodes on the path (depth + 1) + c(n) - 1.
            _feature[node] = -1;
            _left[node] = -1;
            _value[node] = depth + 1 + PathLength.Average(count) - 1.0;
            return;
        }

        var left = _nodeCount;
        _nodeCount += 2;
        _feature[node] = feature;
        _value[node] = threshold;
        _left[node] = left;
        Grow(left, samples, start, middle, depth + 1);
        Grow(left + 1, samples, middle, end, depth + 1);
    }

    // Floyd's algorithm: count distinct rows in O(count), whatever the population.
    private int[] DrawWithoutReplacement(int population, int count)
    {
        var chosen = new HashSet<int>(count);
        var samples = new int[count];
        var at = 0;
        for (var j = population - count; j < population; j++)
        {
            var pick = _random.Next(j + 1);
            if (!chosen.Add(pick))
            {
                pick = j;
                chosen.Add(j);
            }

            samples[at++] = pick;
        }

        return samples;
    }

    private bool TrySplit(int[] samples, int start, int end, out int feature, out double threshold, out int middle)
    {
        for (var f = 0; f < _featureOrder.Length; f++)
        {
            _featureOrder[f] = f;
        }

        // Draw features in random order until one is not constant in this node (scikit-learn's max_features=1).
        for (var remaining = _featureOrder.Length; remaining > 0; remaining--)
        {
            var pick = _random.Next(remaining);
            feature = _featureOrder[pick];
            _featureOrder[pick] = _featureOrder[remaining - 1];

            var (min, max) = Range(samples, start, end, feature);
            if (max <= min + ConstantFeatureThreshold)
            {
                continue;
            }

            var drawn = min + ((max - (double)min) * _random.NextDouble());
            if (drawn >= max)
            {
                drawn = min;
            }

            threshold = FloatThreshold.AtMost(drawn);
            middle = Partition(samples, start, end, feature, (float)threshold);
            return true;
        }

        feature = -1;
        threshold = 0;
        middle = start;
        return false;
    }

    private (float Min, float Max) Range(int[] samples, int start, int end, int feature)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        for (var i = start; i < end; i++)
        {
            var v = (float)_x[samples[i], feature];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    private int Partition(int[] samples, int start, int end, int feature, float threshold)
    {
        var i = start;
        var j = end - 1;
        while (i <= j)
        {
            if ((float)_x[samples[i], feature] <= threshold)
            {
                i++;
            }
            else
            {
                (samples[i], samples[j]) = (samples[j], samples[i]);
                j--;
            }
        }

        return i;
    }
}
