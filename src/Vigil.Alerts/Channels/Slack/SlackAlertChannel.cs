using Vigil.Alerts.Http;

namespace Vigil.Alerts.Channels.Slack;

/// <summary>Posts to a Slack incoming webhook; the webhook URL is a secret and never appears in errors.</summary>
internal sealed class SlackAlertChannel : IAlertChannel
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    private readonly HttpDelivery _delivery;
    private readonly SlackOptions _options;

    public SlackAlertChannel(SlackOptions options, HttpClient client)
    {
        _options = options;
        _delivery = new HttpDelivery(client, "slack", options.WebhookUrl);
    }

    public string Name => "slack";

    public Task SendAsync(Alert alert, CancellationToken cancellationToken) =>
        _delivery.PostAsync(SlackMessage.Build(alert, alert.DashboardUrl ?? _options.PublicUrl), NoHeaders, cancellationToken);
}
