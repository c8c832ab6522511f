namespace Vigil.Core.Forest;

/// <summary>
/// A fitted forest as flat arrays, the form it is saved in. Node <c>i</c> is a leaf when <c>Feature[i] &lt; 0</c>,
/// and then <c>Value[i]</c> is its path length (depth + c(samples in leaf)); otherwise <c>Value[i]</c> is the split
/// threshold, the left child is <c>Left[i]</c> (x &lt;= threshold) and the right child is <c>Left[i] + 1</c>.
/// Children come after their parent. As in scikit-learn, inputs are compared as float32.
/// </summary>
public sealed record ForestData(
    int SampleSize,
    int FeatureCount,
    double Offset,
    int[] Roots,
    int[] Feature,
    double[] Value,
    int[] Left)
{
    /// <summary>Throws when the arrays do not describe trees that a walk can finish, e.g. a corrupt saved model.</summary>
    internal void Validate()
    {
        if (SampleSize < 1 || FeatureCount < 1 || Roots.Length == 0
            || Feature.Length != Value.Length || Feature.Length != Left.Length)
        {
            throw new ArgumentException("The forest data is inconsistent: empty or arrays of different lengths.");
        }

        foreach (var root in Roots)
        {
            if ((uint)root >= (uint)Feature.Length)
            {
                throw new ArgumentException($"The forest data is inconsistent: root {root} is not a node.");
            }
        }

        for (var i = 0; i < Feature.Length; i++)
        {
            if (Feature[i] >= FeatureCount || (Feature[i] >= 0 && (Left[i] <= i || Left[i] >= Feature.Length - 1)))
            {
                throw new ArgumentException($"The forest data is inconsistent at node {i}: bad feature or children.");
            }
        }
    }
}
