using Vigil.Core.Features;

namespace Vigil.Core.Forest;

/// <summary>Grows one isolation tree the way scikit-learn's random splitter does, into flat node lists.</summary>
internal sealed class IsolationTreeBuilder
{
    // scikit-learn treats a feature whose range in a node is below this as constant.
    private const double ConstantFeatureThreshold = 1e-7;

    private readonly FeatureMatrix _x;
    private readonly Random _random;
    private readonly int _maxDepth;
    private readonly int[] _featureOrder;

    public IsolationTreeBuilder(FeatureMatrix x, int seed, int sampleSize)
    {
        _x = x;
        _random = new Random(seed);
        _maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(sampleSize, 2)));
        _featureOrder = new int[x.Columns];
    }

    public List<int> Feature { get; } = [];

    public List<double> Value { get; } = [];

    public List<int> Left { get; } = [];

    public void Build(int sampleSize)
    {
        var samples = DrawWithoutReplacement(_x.Rows, sampleSize);
        var pending = new Stack<(int Node, int Start, int End, int Depth)>();
        pending.Push((AddNode(), 0, samples.Length, 0));
        while (pending.Count > 0)
        {
            var (node, start, end, depth) = pending.Pop();
            var count = end - start;
            if (count <= 1 || depth >= _maxDepth || !TrySplit(samples, start, end, out var feature, out var threshold, out var middle))
            {
                Value[node] = depth + PathLength.Average(count);
                continue;
            }

            var left = AddNode();
            AddNode();
            Feature[node] = feature;
            Value[node] = threshold;
            Left[node] = left;
            pending.Push((left + 1, middle, end, depth + 1));
            pending.Push((left, start, middle, depth + 1));
        }
    }

    private int AddNode()
    {
        Feature.Add(-1);
        Value.Add(0);
        Left.Add(-1);
        return Feature.Count - 1;
    }

    private int[] DrawWithoutReplacement(int population, int count)
    {
        var all = new int[population];
        for (var i = 0; i < population; i++)
        {
            all[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = _random.Next(i, population);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    private bool TrySplit(int[] samples, int start, int end, out int feature, out double threshold, out int middle)
    {
        for (var f = 0; f < _featureOrder.Length; f++)
        {
            _featureOrder[f] = f;
        }

        // Draw features in random order until one is not constant in this node.
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

            threshold = min + (_random.NextDouble() * (max - min));
            if (threshold >= max)
            {
                threshold = min;
            }

            middle = Partition(samples, start, end, feature, threshold);
            return true;
        }

        feature = -1;
        threshold = 0;
        middle = start;
        return false;
    }

    private (double Min, double Max) Range(int[] samples, int start, int end, int feature)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = start; i < end; i++)
        {
            var v = _x[samples[i], feature];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    private int Partition(int[] samples, int start, int end, int feature, double threshold)
    {
        var i = start;
        var j = end - 1;
        while (i <= j)
        {
            if (_x[samples[i], feature] <= threshold)
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
