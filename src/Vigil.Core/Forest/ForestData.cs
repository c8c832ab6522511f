namespace Vigil.Core.Forest;

/// <summary>
/// A fitted forest as flat arrays, the form it is scored and saved in. Node <c>i</c> is a leaf when
/// <c>Feature[i] &lt; 0</c>, and then <c>Value[i]</c> is its path length (depth + c(samples in leaf));
/// otherwise <c>Value[i]</c> is the split threshold, the left child is <c>Left[i]</c> (x &lt;= threshold)
/// and the right child is <c>Left[i] + 1</c>.
/// </summary>
public sealed record ForestData(
    int SampleSize,
    int FeatureCount,
    double Offset,
    int[] Roots,
    int[] Feature,
    double[] Value,
    int[] Left);
