namespace Vigil.Core.Forest;

/// <summary>c(n): the average path length of an unsuccessful search in a binary search tree of n items (scikit-learn's _average_path_length).</summary>
internal static class PathLength
{
    private const double EulerGamma = 0.5772156649015329;

    public static double Average(int n) => n switch
    {
        <= 1 => 0.0,
        2 => 1.0,
        _ => (2.0 * (Math.Log(n - 1.0) + EulerGamma)) - (2.0 * (n - 1.0) / n),
    };
}
