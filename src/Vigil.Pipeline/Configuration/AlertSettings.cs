namespace Vigil.Pipeline.Configuration;

/// <summary>The seed's <c>[alerts]</c> switches plus Vigil's grouping, dashboard link and "resolved" messages.</summary>
public sealed record AlertSettings(bool EnableEmail, bool EnableSlack, bool EnableWebhook, int CooldownMinutes, string? PublicUrl)
{
    /// <summary><c>send_resolved</c>: one "resolved" message per incident once its scope has been normal for the cooldown.</summary>
    public bool SendResolved { get; init; } = true;
}
