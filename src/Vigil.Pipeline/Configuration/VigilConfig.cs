namespace Vigil.Pipeline.Configuration;

/// <summary>Everything read from <c>config/config.ini</c> and <c>VIGIL_*</c> environment variables, validated.</summary>
public sealed record VigilConfig(
    string Origin,
    DetectionSettings Detection,
    AlertSettings Alerts,
    EmailSettings Email,
    SlackSettings Slack,
    WebhookSettings Webhook,
    VigilSettings Vigil,
    ApiSettings Api);
