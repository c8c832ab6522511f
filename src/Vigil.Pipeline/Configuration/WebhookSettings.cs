namespace Vigil.Pipeline.Configuration;

/// <summary>Vigil's <c>[webhook]</c> section: a generic JSON webhook signed with <see cref="Secret"/>. Both values are secrets.</summary>
public sealed record WebhookSettings(string? Url, string? Secret)
{
    public override string ToString() => $"WebhookSettings {{ Url = {(Url is null ? "(none)" : "***")}, Secret = {(Secret is null ? "(none)" : "***")} }}";
}
