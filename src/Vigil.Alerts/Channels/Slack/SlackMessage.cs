using System.Text.Json.Nodes;
using Vigil.Alerts.Formatting;
using Vigil.Core.Detection;

namespace Vigil.Alerts.Channels.Slack;

/// <summary>
/// Builds the Block Kit message: header, who/where, one section per anomalous hour with its top reasons, a dashboard
/// button. Everything that may come from a log goes through <see cref="SlackEscape"/> before it reaches mrkdwn.
/// </summary>
internal static class SlackMessage
{
    // Slack allows 50 blocks per message; keep room for the header, intro, overflow note and button.
    private const int MaxHours = 20;
    private const int MaxHeaderLength = 150;

    public static string Build(Alert alert, string? dashboardUrl)
    {
        var subject = AlertText.Subject(alert);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = PlainText(subject.Length > MaxHeaderLength ? subject[..(MaxHeaderLength - 1)] + "…" : subject),
            },
            Section($"{SlackEscape.Text(AlertText.Intro(alert))}\n*Host:* {SlackEscape.Text(alert.Host)}\n*Source:* {SlackEscape.Text(alert.Source)}"),
        };

        foreach (var hour in alert.Hours.Take(MaxHours))
        {
            blocks.Add(Section($"*{SlackEscape.Text(AlertText.HourLine(hour))}*"));
            if (hour.Reasons.Count > 0)
            {
                blocks.Add(new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray([.. ReasonList.Top(hour.Reasons).Select(r => (JsonNode)Markdown("• " + SlackEscape.Text(r))),
                        .. ReasonList.More(hour.Reasons) is { } more ? [(JsonNode)Markdown($"_{more} on the dashboard_")] : Array.Empty<JsonNode>()]),
                });
            }
        }

        if (alert.Hours.Count > MaxHours)
        {
            blocks.Add(Section($"…and {alert.Hours.Count - MaxHours} more anomalous hours."));
        }

        if (dashboardUrl is not null)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["text"] = PlainText("Open the dashboard"), ["url"] = dashboardUrl }),
            });
        }

        // The top-level text (notifications, clients without blocks) is parsed like mrkdwn too.
        return new JsonObject { ["text"] = SlackEscape.Text(subject), ["blocks"] = blocks }.ToJsonString();
    }

    private static JsonObject Section(string markdown) => new() { ["type"] = "section", ["text"] = Markdown(markdown) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
