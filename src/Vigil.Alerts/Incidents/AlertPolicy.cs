namespace Vigil.Alerts.Incidents;

/// <summary>
/// Config <c>[alerts] cooldown_minutes</c> (anomalous hours closer than this after an incident's last hour join it as an
/// update) and whether a "resolved" message is sent once the cooldown has passed without an anomaly.
/// </summary>
public sealed record AlertPolicy(int CooldownMinutes = 60, bool SendResolved = false)
{
    public TimeSpan Cooldown => TimeSpan.FromMinutes(Math.Max(0, CooldownMinutes));
}
