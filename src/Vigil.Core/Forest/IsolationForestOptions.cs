namespace Vigil.Core.Forest;

/// <summary>The seed's hyper-parameters, with scikit-learn's defaults for the rest.</summary>
public sealed record IsolationForestOptions
{
    public int NEstimators { get; init; } = 100;

    /// <summary>Share of training rows expected to be anomalies; sets the decision threshold, in (0, 0.5].</summary>
    public double Contamination { get; init; } = 0.05;

    public int RandomState { get; init; } = 42;

    /// <summary>Rows drawn (without replacement) for each tree; scikit-learn's "auto" is min(256, n).</summary>
    public int MaxSamples { get; init; } = 256;

    /// <summary>Threads used to fit; trees are independent. 0 means all cores.</summary>
    public int Parallelism { get; init; } = 1;
}
