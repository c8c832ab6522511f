namespace Vigil.Alerts.Channels.Slack;

/// <summary>Config <c>[slack] webhook_url</c>; <paramref name="PublicUrl"/> (<c>[alerts] public_url</c>) is the dashboard link when the alert has none.</summary>
public sealed record SlackOptions(string WebhookUrl, string? PublicUrl = null);
