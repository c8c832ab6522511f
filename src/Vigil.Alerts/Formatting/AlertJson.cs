using System.Text.Json.Nodes;

namespace Vigil.Alerts.Formatting;

/// <summary>The alert as the webhook sends it: snake_case, the seed's hourly field names, times as UTC strings.</summary>
internal static class AlertJson
{
    public static JsonObject Build(Alert alert) => new()
    {
        ["kind"] = alert.Kind.ToString().ToLowerInvariant(),
        ["incident_id"] = alert.IncidentId,
        ["source"] = alert.Source,
        ["host"] = alert.Host,
        ["detected_at"] = AlertText.Timestamp(alert.DetectedAt),
        ["summary"] = AlertText.Subject(alert),
        ["dashboard_url"] = alert.DashboardUrl,
        ["model_id"] = alert.ModelId,
        ["hours"] = new JsonArray(alert.Hours.Select(h => (JsonNode)new JsonObject
        {
            ["hour_timestamp"] = h.Summary.HourTimestamp,
            ["total_events"] = h.Summary.TotalEvents,
            ["error_count"] = h.Summary.ErrorCount,
            ["warning_count"] = h.Summary.WarningCount,
            ["info_count"] = h.Summary.InfoCount,
            ["error_rate"] = h.Summary.ErrorRate,
            ["anomaly_score"] = h.AnomalyScore,
            ["threshold"] = h.Threshold,
            ["is_anomaly"] = h.IsAnomaly,
            ["reasons"] = new JsonArray(h.Reasons.Select(r => (JsonNode)r).ToArray()),
        }).ToArray()),
    };
}
