using Vigil.Alerts.Channels.Email;
using Vigil.Alerts.Channels.Slack;
using Vigil.Alerts.Channels.Webhook;
using Vigil.Alerts.Delivery;

namespace Vigil.Alerts;

/// <summary>
/// The enabled channels, built from their options (null = disabled). Owns the HttpClient the HTTP channels share.
/// </summary>
public sealed class AlertChannels : IDisposable
{
    private readonly HttpClient? _http;

    public AlertChannels(EmailOptions? email, SlackOptions? slack, WebhookOptions? webhook, DeliveryRetryOptions? retry = null)
    {
        retry ??= new DeliveryRetryOptions();
        var channels = new List<IAlertChannel>();
        if (email is not null)
        {
            channels.Add(new SmtpAlertChannel(email, retry));
        }

        if (slack is not null || webhook is not null)
        {
            _http = DeliveryPipelines.HttpClient(retry);
        }

        if (slack is not null)
        {
            channels.Add(new SlackAlertChannel(slack, _http!));
        }

        if (webhook is not null)
        {
            channels.Add(new WebhookAlertChannel(webhook, _http!));
        }

        All = channels;
    }

    public IReadOnlyList<IAlertChannel> All { get; }

    public IReadOnlyList<string> Names => [.. All.Select(c => c.Name)];

    /// <summary>The channel named <paramref name="name"/> (email, slack, webhook), or null when it is not enabled.</summary>
    public IAlertChannel? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => _http?.Dispose();
}
