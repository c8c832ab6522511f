using System.Text.Json.Serialization;
using Vigil.Core.Detection;
using Vigil.Pipeline.Contracts;
using Vigil.Storage;

namespace Vigil.Api.Contracts;

/// <summary>
/// One flagged hour of <c>GET /anomalies</c> as its verdict was stored: the seed's hour fields, and the audit trail —
/// the model that decided (<c>model_id</c>, a content hash), its <c>anomaly_score</c>, <c>threshold</c> and
/// <c>reasons</c>, the run, and whether it is still the hour's <c>current</c> verdict (a later model may have scored
/// the hour again; the older verdict stays, so "why did this page" has its answer after a retrain).
/// </summary>
public sealed record AnomalyDto(
    [property: JsonPropertyName("hour_timestamp")] string HourTimestamp,
    [property: JsonPropertyName("total_events")] int TotalEvents,
    [property: JsonPropertyName("error_count")] int ErrorCount,
    [property: JsonPropertyName("warning_count")] int WarningCount,
    [property: JsonPropertyName("info_count")] int InfoCount,
    [property: JsonPropertyName("error_rate")] double ErrorRate,
    [property: JsonPropertyName("is_anomaly")] bool IsAnomaly,
    [property: JsonPropertyName("anomaly_score")] double AnomalyScore,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("suppressed")] bool Suppressed,
    [property: JsonPropertyName("model_id")] string ModelId,
    [property: JsonPropertyName("run_id")] long RunId,
    [property: JsonPropertyName("current")] bool Current,
    [property: JsonPropertyName("details")] IReadOnlyList<string> Details)
{
    public static AnomalyDto From(StoredVerdict verdict, bool current)
    {
        var h = HourDto.From(verdict.Hour);
        return new AnomalyDto(h.HourTimestamp, h.TotalEvents, h.ErrorCount, h.WarningCount, h.InfoCount, h.ErrorRate, h.IsAnomaly, h.AnomalyScore, h.AnomalyScore,
            verdict.Hour.Threshold, h.Reasons, h.Severity, h.Suppressed, verdict.ModelId, verdict.RunId, current, verdict.Hour.Details);
    }
}
