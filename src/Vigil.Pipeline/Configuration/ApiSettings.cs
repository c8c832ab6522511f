namespace Vigil.Pipeline.Configuration;

/// <summary>Vigil's <c>[api]</c> section for <c>vigil serve</c>. The key is a secret: never print it.</summary>
public sealed record ApiSettings(string Listen, string? ApiKey, int ScheduleMinute)
{
    public override string ToString() => $"ApiSettings {{ Listen = {Listen}, ApiKey = {(ApiKey is null ? "(none)" : "***")}, ScheduleMinute = {ScheduleMinute} }}";
}
