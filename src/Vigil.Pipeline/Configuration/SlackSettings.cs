namespace Vigil.Pipeline.Configuration;

/// <summary>The seed's <c>[slack]</c> section. The webhook URL is a secret: never print it.</summary>
public sealed record SlackSettings(string? WebhookUrl)
{
    public override string ToString() => $"SlackSettings {{ WebhookUrl = {(WebhookUrl is null ? "(none)" : "***")} }}";
}
