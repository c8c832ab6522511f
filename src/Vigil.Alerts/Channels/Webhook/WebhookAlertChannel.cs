using Vigil.Alerts.Formatting;
using Vigil.Alerts.Http;

namespace Vigil.Alerts.Channels.Webhook;

/// <summary>Posts the alert as JSON (the seed's field names) signed with HMAC-SHA256 of the body when a secret is set.</summary>
internal sealed class WebhookAlertChannel : IAlertChannel
{
    private readonly HttpDelivery _delivery;
    private readonly WebhookOptions _options;

    public WebhookAlertChannel(WebhookOptions options, HttpClient client)
    {
        _options = options;
        _delivery = new HttpDelivery(client, "webhook", options.Url, options.Secret);
    }

    public string Name => "webhook";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        var body = AlertJson.Build(alert).ToJsonString();
        var headers = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(_options.Secret))
        {
            headers[WebhookSignature.Header] = WebhookSignature.Compute(_options.Secret, body);
        }

        return _delivery.PostAsync(body, headers, cancellationToken);
    }
}
