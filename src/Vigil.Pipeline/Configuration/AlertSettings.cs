namespace Vigil.Pipeline.Configuration;

/// <summary>The seed's <c>[alerts]</c> switches plus Vigil's grouping and dashboard link.</summary>
public sealed record AlertSettings(bool EnableEmail, bool EnableSlack, bool EnableWebhook, int CooldownMinutes, string? PublicUrl);
