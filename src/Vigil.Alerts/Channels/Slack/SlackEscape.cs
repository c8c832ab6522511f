namespace Vigil.Alerts.Channels.Slack;

/// <summary>
/// Slack reads <c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c> and <c>&lt;https://…|label&gt;</c> in mrkdwn and in a
/// message's top-level text as mentions and links. Text that comes from logs (host, source, reasons) is escaped the way
/// Slack asks, so it shows as written and never pings anyone or hides a link.
/// </summary>
internal static class SlackEscape
{
    public static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
