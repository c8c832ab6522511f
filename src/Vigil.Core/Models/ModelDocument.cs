using Vigil.Core.Forest;

namespace Vigil.Core.Models;

/// <summary>
/// A trained model as saved under <c>models/</c>: what it was trained on, how, and the forest itself.
/// A model of another <see cref="FormatVersion"/> or feature set is refused on load.
/// </summary>
public sealed record ModelDocument
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Which model: <c>seed</c> (the original tool's five features) or a richer one.</summary>
    public required string Kind { get; init; }

    public required string[] FeatureNames { get; init; }

    public required ModelHyperparameters Hyperparameters { get; init; }

    public required DateTime TrainedAt { get; init; }

    public required DateTime TrainingFrom { get; init; }

    public required DateTime TrainingTo { get; init; }

    public required int TrainingHours { get; init; }

    public required string Source { get; init; }

    public required ForestData Forest { get; init; }

    /// <summary>What the vigil model needs besides the forest (kinds, baselines, rule thresholds); null for a seed model.</summary>
    public VigilModelData? Vigil { get; init; }
}
