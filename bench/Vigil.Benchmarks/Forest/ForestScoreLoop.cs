using System.Globalization;
using Vigil.Core.Forest;

namespace Vigil.Benchmarks.Forest;

/// <summary>
/// Scores one CSV's matrix (or <c>gauss:ROWSxCOLUMNS</c>, standard normal values) ROUNDS times on one core and prints
/// the CPU seconds of scoring alone and the best round: a steady loop for <c>perf record</c> to look into, and an A/B
/// of two builds on a loaded machine (forest-score CSV [ROUNDS]).
/// </summary>
internal static class ForestScoreLoop
{
    public static int Run(string path, int rounds)
    {
        var x = path.StartsWith("gauss:", StringComparison.Ordinal) ? Gauss(path[6..]) : ForestCsv.Read(path).X;
        var forest = IsolationForest.Fit(x, new IsolationForestOptions());
        var scores = new double[x.Rows];
        var start = ProcessCpuClock.Seconds();
        var best = double.PositiveInfinity;
        for (var i = 0; i < rounds; i++)
        {
            var round = ProcessCpuClock.Seconds();
            forest.ScoreSamples(x, scores);
            best = Math.Min(best, ProcessCpuClock.Seconds() - round);
        }

        var seconds = ProcessCpuClock.Seconds() - start;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{rounds} rounds of {x.Rows}x{x.Columns}: {seconds:F3} CPU s, {x.Rows * (double)rounds / seconds:N0} rows per CPU second, best round {x.Rows / best:N0}, checksum {scores.Sum():R}"));
        return 0;
    }

    private static Vigil.Core.Features.FeatureMatrix Gauss(string shape)
    {
        var parts = shape.Split('x');
        var rows = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var columns = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var random = new Random(1);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        return new Vigil.Core.Features.FeatureMatrix(rows, columns, values);
    }
}
