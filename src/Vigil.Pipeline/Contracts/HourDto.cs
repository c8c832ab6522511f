using System.Text.Json.Serialization;
using Vigil.Core.Detection;

namespace Vigil.Pipeline.Contracts;

/// <summary>
/// One hour as the seed's <c>POST /detect</c> returns it (the six summary fields and <c>is_anomaly</c>),
/// plus scikit-learn's <c>anomaly_score</c>, the model's <c>reasons</c> and <c>severity</c> (low, medium, high; null when not graded),
/// <c>suppressed</c> (the hour lies in a maintenance window: never alerted) and <c>details</c> (the model's internals
/// behind the reasons: feature values and spreads, for a details view).
/// </summary>
public record HourDto(
    [property: JsonPropertyName("hour_timestamp")] string HourTimestamp,
    [property: JsonPropertyName("total_events")] int TotalEvents,
    [property: JsonPropertyName("error_count")] int ErrorCount,
    [property: JsonPropertyName("warning_count")] int WarningCount,
    [property: JsonPropertyName("info_count")] int InfoCount,
    [property: JsonPropertyName("error_rate")] double ErrorRate,
    [property: JsonPropertyName("is_anomaly")] bool IsAnomaly,
    [property: JsonPropertyName("anomaly_score")] double AnomalyScore,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("severity")] string? Severity = null,
    [property: JsonPropertyName("suppressed")] bool Suppressed = false,
    [property: JsonPropertyName("details")] IReadOnlyList<string>? Details = null)
{
    public static HourDto From(HourDetection hour)
    {
        var s = hour.Summary;
        return new HourDto(s.HourTimestamp, s.TotalEvents, s.ErrorCount, s.WarningCount, s.InfoCount, s.ErrorRate, hour.IsAnomaly, hour.AnomalyScore, hour.Reasons,
            hour.Severity == AnomalySeverity.None ? null : hour.Severity.ToString().ToLowerInvariant(), hour.Suppressed, hour.Details);
    }
}
