namespace Vigil.Pipeline.Configuration;

/// <summary>The seed's <c>[detection]</c> section, plus <c>model</c> (which model setup trains).</summary>
public sealed record DetectionSettings(string LogType, int CollectionHours, double Contamination, int NEstimators, int RandomState, string Model)
{
    /// <summary>The seed trains on 7 days.</summary>
    public const int TrainingHours = 168;
}
