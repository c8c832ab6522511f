namespace Vigil.Core.Forest;

/// <summary>numpy's default percentile (method "linear"), computed the way numpy 1.22+ does it.</summary>
internal static class Percentile
{
    public static double Linear(ReadOnlySpan<double> values, double percent)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The percentile of no values is undefined.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100.0);

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * (percent / 100.0);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var gamma = position - lower;
        var a = sorted[lower];
        var b = sorted[upper];

        // numpy's _lerp interpolates from the nearer end, which changes the last bit of the result.
        var difference = b - a;
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }
}
