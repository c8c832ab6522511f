namespace Vigil.Alerts.Channels.Webhook;

/// <summary>Config <c>[webhook] url, secret</c>; without a secret the body is sent unsigned.</summary>
public sealed record WebhookOptions(string Url, string? Secret = null);
