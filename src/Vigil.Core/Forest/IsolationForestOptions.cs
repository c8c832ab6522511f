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

    /// <summary>Throws, naming the option, when a value is outside what scikit-learn accepts.</summary>
    public void Validate()
    {
        if (NEstimators < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NEstimators), NEstimators, "NEstimators must be at least 1.");
        }

        if (!(Contamination > 0 && Contamination <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Contamination), Contamination, "Contamination must be in (0, 0.5].");
        }

        if (MaxSamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSamples), MaxSamples, "MaxSamples must be at least 1.");
        }

        if (Parallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be 0 (all cores) or more.");
        }
    }
}
