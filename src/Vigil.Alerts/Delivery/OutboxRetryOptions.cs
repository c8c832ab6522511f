namespace Vigil.Alerts.Delivery;

/// <summary>
/// How the outbox spaces whole delivery rounds for an entry that failed transiently (server down for hours):
/// the n-th retry waits <see cref="BaseDelay"/> × 2^(n-1), at most <see cref="MaxDelay"/>; after
/// <see cref="MaxAttempts"/> rounds the entry is marked failed.
/// </summary>
public sealed record OutboxRetryOptions
{
    public int MaxAttempts { get; init; } = 12;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
