using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Features;

namespace Vigil.Core.Tests.Forest.Support;

/// <summary>The reference: scikit-learn's IsolationForest, run by Debian's Python on the same matrix.</summary>
internal static class ScikitLearnForest
{
    private const string Python = "/usr/bin/python3";

    public static (double[] Scores, bool[] Anomalies) FitAndScore(FeatureMatrix x)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"vigil-forest-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllLines(csv, Enumerable.Range(0, x.Rows).Select(i => string.Join(',', x.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            var script = Path.Combine(AppContext.BaseDirectory, "Forest", "Support", "sklearn_iforest.py");
            using var process = Process.Start(new ProcessStartInfo(Python, [script, csv])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"Could not start {Python}.");
            var stderr = process.StandardError.ReadToEndAsync();
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            if (process.ExitCode != 0 || lines.Length != x.Rows)
            {
                throw new InvalidOperationException($"scikit-learn failed (exit {process.ExitCode}, {lines.Length} rows): {stderr.Result}");
            }

            var fields = lines.Select(l => l.Split(',')).ToArray();
            return (
                fields.Select(f => double.Parse(f[0], CultureInfo.InvariantCulture)).ToArray(),
                fields.Select(f => f[1] == "-1").ToArray());
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
