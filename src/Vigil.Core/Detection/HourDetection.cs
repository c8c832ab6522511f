using Vigil.Core.Windows;

namespace Vigil.Core.Detection;

/// <summary>One scored hour: the seed's six fields, scikit-learn's score and the verdict, with reasons when the model gives them.</summary>
public sealed record HourDetection(HourlySummary Summary, double AnomalyScore, bool IsAnomaly)
{
    /// <summary>Why the hour was flagged, most important first; empty when the model gives no explanation.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>
    /// The model's internals behind the reasons (feature values and how many spreads they lie from training): for a
    /// details view, never the operator's first read.
    /// </summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The rules that flagged the hour (<see cref="DetectionRule"/> names); empty for a normal hour and for verdicts read back from the store.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>How urgent the hour is, when the model grades it (the seed model does not).</summary>
    public AnomalySeverity Severity { get; init; }

    /// <summary>The score below which the model's forest calls an hour abnormal (null when not known, e.g. verdicts stored before it was kept).</summary>
    public double? Threshold { get; init; }

    /// <summary>True when the hour lies in a maintenance window: scored and stored as usual, never alerted.</summary>
    public bool Suppressed { get; init; }

    /// <summary>An anomaly someone should be told about: flagged and not suppressed.</summary>
    public bool Alerts => IsAnomaly && !Suppressed;
}
