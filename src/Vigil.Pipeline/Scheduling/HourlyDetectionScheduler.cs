using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// Runs detection at each hour boundary plus the configured minute, for the hours not scored yet: after downtime
/// the missed hours are scored in one run, and an hour already scored is never scored again. A failed run is
/// logged and retried at the next boundary; it never stops the host.
/// </summary>
public sealed class HourlyDetectionScheduler : BackgroundService
{
    private readonly IHourlyDetectionTarget _target;
    private readonly HourlySchedule _schedule;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HourlyDetectionScheduler(IHourlyDetectionTarget target, HourlySchedule schedule, ILogger<HourlyDetectionScheduler> logger, TimeProvider? timeProvider = null)
    {
        _target = target;
        _schedule = schedule;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>When the next run is due (UTC), for status output.</summary>
    public DateTime? NextRunAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first (catch-up) run.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var dueUpTo = _schedule.DueUpTo(_time.GetUtcNow().UtcDateTime);
            await RunDueAsync(dueUpTo, stoppingToken).ConfigureAwait(false);

            // Wait from the boundary just handled, not from "now": a clock that jumped ahead while the run was
            // in progress then finds the next boundary already due instead of skipping it.
            NextRunAt = _schedule.NextRun(dueUpTo);
            var delay = NextRunAt.Value - _time.GetUtcNow().UtcDateTime;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunDueAsync(DateTime dueUpTo, CancellationToken stoppingToken)
    {
        try
        {
            var last = await _target.GetLastScoredHourEndAsync(stoppingToken).ConfigureAwait(false);
            if (_schedule.Pending(last, dueUpTo) is not { } pending)
            {
                return;
            }

            if (last is { } end && end < pending.Start)
            {
                _logger.LogWarning("Scheduled detection: {Missed} hours since {LastScored:u} are older than the catch-up limit and stay unscored", (int)(pending.Start - end).TotalHours, end);
            }

            _logger.LogInformation("Scheduled detection over {Range}", pending);
            await _target.ScoreAsync(pending, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The hours stay unscored and are retried at the next boundary.
            _logger.LogWarning("Scheduled detection up to {DueUpTo:u} failed: {Message}", dueUpTo, ex.Message);
        }
    }
}
