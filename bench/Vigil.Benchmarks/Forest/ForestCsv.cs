using System.Globalization;
using Vigil.Core.Features;

namespace Vigil.Benchmarks.Forest;

/// <summary>The CSVs forest_sklearn.py writes: the planted label (1 = outlier), then the features; no header.</summary>
internal static class ForestCsv
{
    public static (bool[] Labels, FeatureMatrix X) Read(string path)
    {
        var rows = File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[0] == 1).ToArray(), FeatureMatrix.FromRows(rows.Select(r => r[1..]).ToArray()));
    }
}
