using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Features;

namespace Vigil.Core.Tests.Forest.Support;

/// <summary>The reference: scikit-learn's IsolationForest, run by Debian's Python on the same matrices.</summary>
internal static class ScikitLearnForest
{
    private const string Python = "/usr/bin/python3";

    public static IReadOnlyList<(double[] Scores, bool[] Anomalies)> FitAndScore(IReadOnlyList<FeatureMatrix> matrices)
    {
        var files = matrices.Select(_ => Path.Combine(Path.GetTempPath(), $"vigil-forest-{Guid.NewGuid():N}.csv")).ToArray();
        try
        {
            for (var m = 0; m < matrices.Count; m++)
            {
                var x = matrices[m];
                File.WriteAllLines(files[m], Enumerable.Range(0, x.Rows).Select(i => string.Join(',', x.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            }

            var script = Path.Combine(AppContext.BaseDirectory, "Forest", "Support", "sklearn_iforest.py");
            using var process = Process.Start(new ProcessStartInfo(Python, [script, .. files])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"Could not start {Python}.");
            var stderr = process.StandardError.ReadToEndAsync();
            var blocks = process.StandardOutput.ReadToEnd().Split("end\n", StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            if (process.ExitCode != 0 || blocks.Length != matrices.Count)
            {
                throw new InvalidOperationException($"scikit-learn failed (exit {process.ExitCode}): {stderr.Result}");
            }

            return blocks.Select(Parse).ToArray();
        }
        finally
        {
            Array.ForEach(files, File.Delete);
        }
    }

    private static (double[] Scores, bool[] Anomalies) Parse(string block)
    {
        var fields = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();
        return (
            fields.Select(f => double.Parse(f[0], CultureInfo.InvariantCulture)).ToArray(),
            fields.Select(f => f[1] == "-1").ToArray());
    }
}
