namespace Vigil.Alerts.Delivery;

/// <summary>
/// How hard one send tries before giving the entry back to the outbox: exponential backoff from <see cref="BaseDelay"/>,
/// capped at <see cref="MaxDelay"/>; HTTP channels wait what Retry-After asks for on 429/503. Tests shrink the delays.
/// </summary>
public sealed record DeliveryRetryOptions
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one attempt (connect, TLS, auth and send together).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Limit for one send, retries and waits included. Detection delivers alerts while it holds the one-run gate, so a
    /// channel that hangs or trickles must give up in bounded time; the outbox tries again on a later run.
    /// </summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(40);
}
