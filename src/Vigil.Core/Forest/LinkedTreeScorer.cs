namespace Vigil.Core.Forest;

/// <summary>Walks the trees as they are stored in <see cref="ForestData"/>; used when they are too deep to pad.</summary>
internal sealed class LinkedTreeScorer : IPathLengthScorer
{
    private readonly ForestData _data;
    private readonly float[] _threshold;

    public LinkedTreeScorer(ForestData data)
    {
        _data = data;
        _threshold = Array.ConvertAll(data.Value, v => FloatThreshold.AtMost(v));
    }

    public int MaxRowsPerCall => int.MaxValue;

    public void AddPathLengths(ReadOnlySpan<double> rows, int rowCount, Span<double> depths)
    {
        var columns = _data.FeatureCount;
        var feature = _data.Feature;
        var left = _data.Left;
        for (var r = 0; r < rowCount; r++)
        {
            var row = rows.Slice(r * columns, columns);
            var depth = depths[r];
            foreach (var root in _data.Roots)
            {
                var node = root;
                int f;
                while ((f = feature[node]) >= 0)
                {
                    node = left[node] + ((float)row[f] > _threshold[node] ? 1 : 0);
                }

                depth += _data.Value[node];
            }

            depths[r] = depth;
        }
    }
}
