using Polly;
using Polly.Retry;
using Vigil.Forward.Sending;
using Vigil.Forward.Spool;

namespace Vigil.Forward.Shipping;

/// <summary>
/// Pushes the spool to the server, oldest batch first, one at a time: a batch is sent until the server acknowledges it
/// (retried with exponential backoff and jitter, or after the server's Retry-After), then its source's checkpoint is
/// recorded and only then is the batch deleted. A crash between any two of these steps resends at most that batch,
/// which the server stores once. Records the server rejects are counted and reported once per reason, never resent.
/// </summary>
internal sealed class Shipper
{
    private readonly IBatchSender _sender;
    private readonly ForwardEngineParts _parts;
    private readonly ResiliencePipeline<SendResult> _retry;
    private readonly HashSet<string> _rejectionsReported = new(StringComparer.Ordinal);
    private string? _failing;

    public Shipper(IBatchSender sender, ForwardEngineParts parts)
    {
        _sender = sender;
        _parts = parts;
        _retry = new ResiliencePipelineBuilder<SendResult> { TimeProvider = parts.Time }
            .AddRetry(new RetryStrategyOptions<SendResult>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = parts.Options.MinBackoff,
                MaxDelay = parts.Options.MaxBackoff,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result.Status: SendStatus.Retry } => true,
                    { Exception: HttpRequestException or IOException or TimeoutException } => true,
                    { Exception: TaskCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    _ => false,
                }),
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    Failing(args.Outcome.Result?.Message ?? args.Outcome.Exception?.Message ?? "no answer", args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Ships until cancelled; with <paramref name="until"/>, returns once it completes and the spool is empty.
    /// </summary>
    public async Task RunAsync(Task? until, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_parts.Spool.TakeOldest() is not { } entry)
            {
                if (until is { IsCompleted: true } && _parts.Spool.Count == 0)
                {
                    return;
                }

                await _parts.Spooled.WaitAsync(TimeSpan.FromSeconds(1), _parts.Time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ShipAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShipAsync(SpoolEntry entry, CancellationToken cancellationToken)
    {
        ForwardBatch batch;
        try
        {
            batch = SpoolFile.Read(entry);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            _parts.Log(_parts.Spool.Quarantine(entry.Path, ex.Message));
            _parts.Removed.Signal();
            return;
        }

        if (batch.Events.Count > 0)
        {
            var result = await _retry.ExecuteAsync(async token =>
            {
                _parts.Counters.AddSent(batch.Events.Count);
                return await _sender.SendAsync(batch, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            Answered(result, batch);
        }

        _parts.Acked.Set(batch.Source, batch.Checkpoint);
        _parts.Spool.Remove(entry);
        _parts.Removed.Signal();
    }

    private void Answered(SendResult result, ForwardBatch batch)
    {
        if (_failing is not null)
        {
            _parts.Log("server: answering again; sending the spooled batches.");
            _failing = null;
        }

        _parts.Counters.ServerAnswering = true;
        _parts.Counters.AddAcked(batch.Events.Count - result.Rejected);
        if (result.Rejected > 0)
        {
            _parts.Counters.AddRejected(result.Rejected);
            var reason = result.Message ?? "no reason given";
            if (_rejectionsReported.Add(reason))
            {
                _parts.Log($"server rejected {result.Rejected} of {batch.Events.Count} events of {batch.Source}: {reason}. Rejected events are not resent; this reason is reported once.");
            }
        }
    }

    private void Failing(string reason, TimeSpan delay)
    {
        _parts.Counters.ServerAnswering = false;
        if (reason != _failing)
        {
            _parts.Log($"server: {reason}; the spool keeps what is read; retrying (next in {delay.TotalSeconds:0.#} s).");
            _failing = reason;
        }
    }
}
