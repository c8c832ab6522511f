using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Core.Detection;

namespace Vigil.Alerts.Formatting;

/// <summary>The words every channel uses, so email, Slack and the webhook tell the same story.</summary>
internal static class AlertText
{
    public static string Subject(Alert alert) => alert.Kind switch
    {
        AlertKind.Test => $"[Vigil] Test alert from {alert.Host}",
        AlertKind.Resolved => $"[Vigil] Resolved: incident {alert.IncidentId} on {alert.Host}",
        AlertKind.Update => $"[Vigil] Update: {HourCount(alert)} on {alert.Host} ({alert.Source})",
        _ => $"[Vigil] {HourCount(alert)} on {alert.Host} ({alert.Source})",
    };

    public static string Intro(Alert alert) => alert.Kind switch
    {
        AlertKind.Test => "This is a test alert: the channel works. The hours below are samples.",
        AlertKind.Resolved => $"Incident {alert.IncidentId} is resolved: no anomalous hour since the last alert.",
        AlertKind.Update => $"Incident {alert.IncidentId} goes on: more anomalous hours were detected.",
        _ => $"Vigil detected anomalous activity (incident {alert.IncidentId}).",
    };

    /// <summary>One line per hour: its hour_timestamp (UTC), counts, error rate and score.</summary>
    public static string HourLine(HourDetection hour)
    {
        var s = hour.Summary;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s.HourTimestamp} UTC: {s.TotalEvents} events, {s.ErrorCount} errors, {s.WarningCount} warnings, {s.InfoCount} info, error rate {s.ErrorRate * 100:0.0}%, score {hour.AnomalyScore:0.000}{(hour.Threshold is { } t ? $" (threshold {t:0.000})" : string.Empty)}");
    }

    public static string PlainText(Alert alert)
    {
        var text = new StringBuilder()
            .AppendLine(Intro(alert))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Host: {alert.Host}")
            .AppendLine(CultureInfo.InvariantCulture, $"Source: {alert.Source}")
            .AppendLine(CultureInfo.InvariantCulture, $"Detected at: {Timestamp(alert.DetectedAt)} UTC");
        if (alert.ModelId is { } model)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Model: {model}");
        }

        if (alert.Hours.Count > 0)
        {
            text.AppendLine().AppendLine("Anomalous hours:");
            foreach (var hour in alert.Hours)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {HourLine(hour)}");
                foreach (var reason in ReasonList.Top(hour.Reasons))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    reason: {reason}");
                }

                if (ReasonList.More(hour.Reasons) is { } more)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    ({more} on the dashboard)");
                }
            }
        }

        if (alert.DashboardUrl is { } url)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Dashboard: {url}");
        }

        return text.ToString();
    }

    private static string HtmlReasons(IReadOnlyList<string> reasons) =>
        string.Join("; ", ReasonList.More(reasons) is { } more ? ReasonList.Top(reasons).Append(more) : ReasonList.Top(reasons));

    public static string Html(Alert alert)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<html><body><h2>{E(Subject(alert))}</h2><p>{E(Intro(alert))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Host: <b>{E(alert.Host)}</b><br>Source: {E(alert.Source)}<br>Detected at: {Timestamp(alert.DetectedAt)} UTC{(alert.ModelId is { } model ? "<br>Model: " + E(model) : string.Empty)}</p>");
        if (alert.Hours.Count > 0)
        {
            html.Append("<table border=\"1\" cellpadding=\"4\"><tr><th>Hour (UTC)</th><th>Events</th><th>Errors</th><th>Warnings</th><th>Info</th><th>Error rate</th><th>Score</th><th>Reasons</th></tr>");
            foreach (var hour in alert.Hours)
            {
                var s = hour.Summary;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{s.HourTimestamp}</td><td>{s.TotalEvents}</td><td>{s.ErrorCount}</td><td>{s.WarningCount}</td><td>{s.InfoCount}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{s.ErrorRate * 100:0.0}%</td><td>{hour.AnomalyScore:0.000}</td><td>{E(HtmlReasons(hour.Reasons))}</td></tr>");
            }

            html.Append("</table>");
        }

        if (alert.DashboardUrl is { } url)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(url)}\">Open the dashboard</a></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string HourCount(Alert alert) =>
        alert.Hours.Count == 1 ? "1 anomalous hour" : $"{alert.Hours.Count.ToString(CultureInfo.InvariantCulture)} anomalous hours";
}
