using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Vigil.Alerts.Delivery;

/// <summary>One retry shape for every channel: exponential backoff with jitter, only for failures that may pass.</summary>
internal static class DeliveryPipelines
{
    /// <summary>
    /// For channels that throw <see cref="AlertDeliveryException"/> per attempt (SMTP): the whole send bounded by
    /// <see cref="DeliveryRetryOptions.SendTimeout"/>, each attempt by <see cref="DeliveryRetryOptions.AttemptTimeout"/>
    /// (both cancel the attempt; the caller turns <see cref="Polly.Timeout.TimeoutRejectedException"/> into a transient failure).
    /// </summary>
    public static ResiliencePipeline ForChannel(DeliveryRetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder().AddTimeout(options.SendTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AlertDeliveryException>(e => e.IsTransient).Handle<Polly.Timeout.TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>
    /// An HttpClient whose handler retries 5xx, 408, 429 and network errors, honouring Retry-After up to MaxDelay, with a timeout per
    /// attempt and one for the whole send; the client's own timeout stays infinite so only the pipeline decides.
    /// </summary>
    public static HttpClient HttpClient(DeliveryRetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.SendTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // Honour Retry-After, but never wait longer than MaxDelay inside one send: a server asking for an hour
                // is better served by the outbox trying again on a later run.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } wait ? (TimeSpan?)(wait < options.MaxDelay ? wait : options.MaxDelay) : null),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        var handler = new ResilienceHandler(builder.Build())
        {
            InnerHandler = new SocketsHttpHandler { ConnectTimeout = options.AttemptTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow > TimeSpan.Zero ? date - DateTimeOffset.UtcNow : TimeSpan.Zero,
        _ => null,
    };
}
