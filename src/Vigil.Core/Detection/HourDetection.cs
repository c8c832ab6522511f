using Vigil.Core.Windows;

namespace Vigil.Core.Detection;

/// <summary>One scored hour: the seed's six fields, scikit-learn's score and the verdict, with reasons when the model gives them.</summary>
public sealed record HourDetection(HourlySummary Summary, double AnomalyScore, bool IsAnomaly)
{
    /// <summary>Why the hour was flagged, most important first; empty when the model gives no explanation.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>How urgent the hour is, when the model grades it (the seed model does not).</summary>
    public AnomalySeverity Severity { get; init; }

    /// <summary>The score below which the model's forest calls an hour abnormal (null when not known, e.g. verdicts stored before it was kept).</summary>
    public double? Threshold { get; init; }
}
