using BenchmarkDotNet.Attributes;
using Vigil.Core.Features;
using Vigil.Core.Forest;

namespace Vigil.Benchmarks.Forest;

/// <summary>Fit and score with the seed's settings on Gaussian matrices of the sizes forest_vs_sklearn.sh uses.</summary>
[MemoryDiagnoser]
public class IsolationForestBenchmarks
{
    private FeatureMatrix _x = null!;
    private IsolationForest _forest = null!;
    private double[] _scores = null!;

    [Params(168, 10_000)]
    public int Rows { get; set; }

    [Params(5, 20)]
    public int Columns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var values = new double[Rows * Columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        _x = new FeatureMatrix(Rows, Columns, values);
        _forest = IsolationForest.Fit(_x, new IsolationForestOptions());
        _scores = new double[Rows];
    }

    [Benchmark]
    public IsolationForest Fit() => IsolationForest.Fit(_x, new IsolationForestOptions());

    [Benchmark]
    public double[] ScoreOneCore()
    {
        _forest.ScoreSamples(_x, _scores);
        return _scores;
    }

    [Benchmark]
    public double[] ScoreAllCores() => _forest.ScoreSamples(_x, 0);
}
