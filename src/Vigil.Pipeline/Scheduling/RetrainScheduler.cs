using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// <c>[detection] retrain_days</c>: once the current model is that many days old, trains a new one on the latest clean
/// week (the previous model stays for <c>vigil model rollback</c>). Checks when the model falls due and at least every
/// hour (a manual setup in between moves the date); a failed retrain is logged and tried again an hour later.
/// </summary>
public sealed class RetrainScheduler : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    private readonly IRetrainTarget _target;
    private readonly TimeSpan _age;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="retrainDays">The model's age that calls for a retrain; 0 turns the scheduler off.</param>
    public RetrainScheduler(IRetrainTarget target, int retrainDays, ILogger<RetrainScheduler> logger, TimeProvider? timeProvider = null)
    {
        _target = target;
        _age = TimeSpan.FromDays(retrainDays);
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>When the scheduler looks next (UTC), for status output; null when it is off.</summary>
    public DateTime? NextCheckAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_age <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await CheckAsync(stoppingToken).ConfigureAwait(false);
            NextCheckAt = _time.GetUtcNow().UtcDateTime + wait;
            await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retrains when due; returns how long to wait before looking again.</summary>
    private async Task<TimeSpan> CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            var trainedAt = await _target.GetTrainedAtAsync(stoppingToken).ConfigureAwait(false);
            var now = _time.GetUtcNow().UtcDateTime;
            if (trainedAt is null || trainedAt.Value + _age > now)
            {
                var due = trainedAt is null ? CheckEvery : trainedAt.Value + _age - now;
                return due < CheckEvery ? due : CheckEvery;
            }

            _logger.LogInformation("Scheduled retrain: the model trained at {TrainedAt:u} is {Days} days old", trainedAt, (int)(now - trainedAt.Value).TotalDays);
            await _target.RetrainAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Scheduled retrain failed (the current model stays): {Message}", ex.Message);
        }

        return CheckEvery;
    }
}
