namespace Vigil.Pipeline.Configuration;

/// <summary>
/// The seed's <c>[detection]</c> section, plus <c>model</c> (which model setup trains), <c>future_tolerance_hours</c>
/// (how far past the clock an event may be dated before it is ignored for the range) and <c>min_training_hours</c>
/// (how many of the 168 training hours must hold events for setup to train), <c>rare_kind_count</c> (a kind seen fewer
/// times in training is rare), <c>watch_events</c> (entries of the security-event catalogue to add or regrade) and
/// <c>retrain_days</c> (how old the model may get before <c>vigil serve</c> retrains it on the latest clean week; 0 = never).
/// </summary>
public sealed record DetectionSettings(
    string LogType,
    int CollectionHours,
    double Contamination,
    int NEstimators,
    int RandomState,
    string Model,
    int FutureToleranceHours = DetectionSettings.DefaultFutureToleranceHours,
    int MinTrainingHours = DetectionSettings.DefaultMinTrainingHours,
    int RareKindCount = Core.Rules.KindRules.DefaultRareBelow,
    IReadOnlyList<Core.Rules.WatchedEvent>? WatchEvents = null,
    int RetrainDays = DetectionSettings.DefaultRetrainDays)
{
    /// <summary>A week: the model follows a host that changes, one training week at a time. 0 = never retrain on a schedule.</summary>
    public const int DefaultRetrainDays = 7;

    /// <summary>The seed trains on 7 days.</summary>
    public const int TrainingHours = 168;

    /// <summary>A day: clocks and time zones are off by hours, never by a day.</summary>
    public const int DefaultFutureToleranceHours = 24;

    /// <summary>
    /// Two days' worth of the week: below that most of the week is empty, the model learns that silence is normal and
    /// every busy hour looks odd (a one-day export has 24). A log busy only in office hours (5 × 10) still trains.
    /// </summary>
    public const int DefaultMinTrainingHours = 48;
}
