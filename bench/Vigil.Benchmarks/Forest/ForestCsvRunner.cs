using System.Diagnostics;
using System.Text.Json;
using Vigil.Core.Forest;

namespace Vigil.Benchmarks.Forest;

/// <summary>
/// Vigil's side of forest_vs_sklearn.sh: reads a CSV (planted label, then features), and prints JSON with the
/// same measurements forest_sklearn.py makes, timed the same way (best of runs within a budget).
/// </summary>
internal static class ForestCsvRunner
{
    public static int Run(string path)
    {
        var (labels, x) = ForestCsv.Read(path);
        var single = new IsolationForestOptions();
        var (fit, fitCpu) = BestSeconds(() => IsolationForest.Fit(x, single));
        var (fitAll, _) = BestSeconds(() => IsolationForest.Fit(x, single with { Parallelism = 0 }));
        var forest = IsolationForest.Fit(x, single);
        var scores = new double[x.Rows];
        var repeats = Math.Max(1, 20_000 / x.Rows);
        var (scoreOne, scoreOneCpu) = BestSeconds(() => Repeat(repeats, () => forest.ScoreSamples(x, scores)));
        var (scoreAll, _) = BestSeconds(() => Repeat(repeats, () => forest.ScoreSamples(x, 0)));
        forest.ScoreSamples(x, scores);
        var rows = (double)x.Rows * repeats;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            fit_s = fit,
            fit_cpu_s = fitCpu,
            fit_all_cores_s = fitAll,
            score_rows_per_s = rows / scoreOne,
            score_cpu_rows_per_s = rows / scoreOneCpu,
            score_all_cores_rows_per_s = rows / scoreAll,
            auc = Auc(labels, scores),
        }));
        return 0;
    }

    private static void Repeat(int times, Action action)
    {
        for (var i = 0; i < times; i++)
        {
            action();
        }
    }

    /// <summary>
    /// Best wall-clock and best CPU seconds of several runs, like forest_sklearn.py. CPU time is the fair measure of
    /// single-threaded work on a shared, loaded machine; it is meaningless for the all-cores runs, which use wall time.
    /// </summary>
    private static (double Wall, double Cpu) BestSeconds(Action action, double budget = 1.0, int maxRuns = 5)
    {
        // Warm up until the JIT has promoted the hot loops to optimised code (tiering needs ~30 calls).
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 40 && warmup.Elapsed.TotalSeconds < 2; i++)
        {
            action();
        }

        var wall = double.PositiveInfinity;
        var cpu = double.PositiveInfinity;
        var spent = 0.0;
        for (var runs = 0; runs == 0 || (spent < budget && runs < maxRuns); runs++)
        {
            var startCpu = ProcessCpuClock.Seconds();
            var clock = Stopwatch.StartNew();
            action();
            var elapsed = clock.Elapsed.TotalSeconds;
            var cpuSeconds = ProcessCpuClock.Seconds() - startCpu;
            wall = Math.Min(wall, elapsed);
            cpu = Math.Min(cpu, cpuSeconds);
            spent += elapsed;
        }

        return (wall, cpu);
    }

    /// <summary>ROC AUC of -score (higher = more abnormal) against the labels, by Mann-Whitney with tied ranks averaged.</summary>
    private static double Auc(bool[] labels, double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        double positiveRanks = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                positiveRanks += labels[order[k]] ? rank : 0;
            }

            start = end + 1;
        }

        double positives = labels.Count(l => l);
        var negatives = labels.Length - positives;
        return (positiveRanks - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
