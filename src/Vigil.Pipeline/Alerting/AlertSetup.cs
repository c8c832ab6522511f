using Vigil.Alerts;
using Vigil.Alerts.Channels.Email;
using Vigil.Alerts.Channels.Slack;
using Vigil.Alerts.Channels.Webhook;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Incidents;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Alerting;

/// <summary>Turns the <c>[alerts]</c>, <c>[email]</c>, <c>[slack]</c> and <c>[webhook]</c> settings into alert channels and policy.</summary>
public static class AlertSetup
{
    public static readonly IReadOnlyList<string> ChannelNames = ["email", "slack", "webhook"];

    public static AlertPolicy Policy(VigilConfig config) => new(config.Alerts.CooldownMinutes, config.Alerts.SendResolved);

    /// <summary>
    /// The enabled channels; with <paramref name="only"/> just that channel, enabled or not (so <c>vigil alert test</c>
    /// can try settings before they are switched on). A channel that lacks a required key fails naming section and key.
    /// </summary>
    public static AlertChannels Channels(VigilConfig config, string? only = null, DeliveryRetryOptions? retry = null)
    {
        if (only is not null && !ChannelNames.Contains(only, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConfigException($"unknown alert channel '{only}' (expected {string.Join(", ", ChannelNames)})");
        }

        bool Wanted(string name, bool enabled) => only is null ? enabled : string.Equals(only, name, StringComparison.OrdinalIgnoreCase);
        return new AlertChannels(
            Wanted("email", config.Alerts.EnableEmail) ? Email(config.Email) : null,
            Wanted("slack", config.Alerts.EnableSlack) ? new SlackOptions(Required(config.Slack.WebhookUrl, "slack", "webhook_url"), config.Alerts.PublicUrl) : null,
            Wanted("webhook", config.Alerts.EnableWebhook) ? new WebhookOptions(Required(config.Webhook.Url, "webhook", "url"), config.Webhook.Secret) : null,
            retry);
    }

    private static EmailOptions Email(EmailSettings email) =>
        new(
            Required(email.SmtpServer, "email", "smtp_server"),
            email.SmtpPort,
            Required(email.SenderEmail, "email", "sender_email"),
            string.IsNullOrEmpty(email.Password) ? null : email.Password,
            Required(email.ReceiverEmail, "email", "receiver_email"),
            EmailOptions.ParseSecurity(email.Security));

    private static string Required(string? value, string section, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConfigException($"[{section}] {key} is empty, but alerts are to be sent there") : value;
}
