namespace Vigil.Core.Forest;

/// <summary>Thresholds as float32, the precision scikit-learn's trees compare inputs at.</summary>
internal static class FloatThreshold
{
    /// <summary>
    /// The largest float not above <paramref name="threshold"/>: for every float x, x &lt;= result exactly when
    /// x &lt;= threshold, so storing it as float loses no decision.
    /// </summary>
    public static float AtMost(double threshold)
    {
        var rounded = (float)threshold;
        return rounded > threshold ? MathF.BitDecrement(rounded) : rounded;
    }
}
