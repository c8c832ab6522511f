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
    ApiSettings Api)
{
    /// <summary>Sections, keys and VIGIL_ variables that set nothing Vigil knows (typos, most likely); already reported.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary><c>[forward]</c>: what <c>vigil forward</c> pushes to.</summary>
    public ForwardSettings Forward { get; init; } = ForwardSettings.Default;
}
