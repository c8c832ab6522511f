using Vigil.Core.Forest;
using Vigil.Core.Windows;

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

    /// <summary>How many training hours held events (null in models saved before it was kept): tells a dead log from a quiet one.</summary>
    public int? HoursWithEvents { get; init; }

    public required ForestData Forest { get; init; }

    /// <summary>What the vigil model needs besides the forest (kinds, baselines, rule thresholds); null for a seed model.</summary>
    public VigilModelData? Vigil { get; init; }

    /// <summary>
    /// The log templates mined from the training events that had no event id (text and journald sources), so
    /// detection gives the same messages the same template ids as training did; null when there were none.
    /// </summary>
    public Templates.TemplateMinerState? Templates { get; init; }

    /// <summary>A new document for a forest trained on the hours from <paramref name="firstHour"/> to <paramref name="lastHour"/>.</summary>
    public static ModelDocument Create(string kind, string[] featureNames, IsolationForestOptions options, IsolationForest forest, DateTime firstHour, DateTime lastHour, int hours, string source, DateTime trainedAt) => new()
    {
        Kind = kind,
        FeatureNames = featureNames,
        Hyperparameters = new ModelHyperparameters(options.NEstimators, options.Contamination, options.RandomState, forest.Data.SampleSize),
        TrainedAt = trainedAt,
        TrainingFrom = firstHour,
        TrainingTo = lastHour + HourRange.Hour,
        TrainingHours = hours,
        Source = source,
        Forest = forest.Data,
    };

    /// <summary>
    /// Names this trained model in the verdicts and alerts it produced: a content hash (<see cref="ModelContent"/>),
    /// e.g. <c>vigil-3fa9c2d41b7e5a60</c>. Not saved in the file: it is the hash of the file.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Id => ModelContent.IdOf(this);

    /// <summary>Throws <see cref="ModelFormatException"/> when the document is of another format version.</summary>
    public void EnsureCurrentFormat(string origin)
    {
        if (FormatVersion != CurrentFormatVersion)
        {
            throw new ModelFormatException($"{origin}: model format version {FormatVersion} is not supported by this Vigil (it reads version {CurrentFormatVersion}); run 'vigil setup' to train a new model");
        }
    }
}
