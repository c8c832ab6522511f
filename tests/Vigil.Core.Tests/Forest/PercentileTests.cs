using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Forest;

namespace Vigil.Core.Tests.Forest;

public sealed class PercentileTests
{
    // Values printed by numpy 1.24's np.percentile with its default (linear) method.
    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0, 10.0 }, 5.0, 1.15)]
    [InlineData(new[] { 3.0, 1.0, 2.0, 10.0 }, 50.0, 2.5)]
    [InlineData(new[] { 5.0 }, 5.0, 5.0)]
    [InlineData(new[] { 0.1, 0.2, 0.7 }, 95.0, 0.6499999999999999)]
    public void LinearPercentileEqualsNumpys(double[] values, double percent, double expected)
    {
        Assert.Equal(expected, Percentile.Linear(values, percent));
    }

    [Fact]
    public void LinearPercentileEqualsNumpyToTheLastBitOnRandomScores()
    {
        // Given random score-like values and percentiles with fractional positions
        var random = new Random(3);
        var values = Enumerable.Range(0, 997).Select(_ => -0.3 - (0.4 * random.NextDouble())).ToArray();
        double[] percents = [0.5, 5.0, 12.5, 50.0, 77.7, 99.9];

        // When numpy computes the same percentiles
        var list = string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var query = string.Join(',', percents.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        var script = $"import numpy as np\nfor v in np.percentile(np.array([{list}]), [{query}]): print(repr(float(v)))";
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardOutput = true })!;
        var numpy = python.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        python.WaitForExit();

        // Then Vigil's percentiles are bit-for-bit numpy's
        Assert.Equal(numpy, percents.Select(p => Percentile.Linear(values, p)).ToArray());
    }

    [Fact]
    public void PercentileOfNothingIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Linear([], 5.0));
    }
}
