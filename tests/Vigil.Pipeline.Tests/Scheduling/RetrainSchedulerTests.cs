using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Pipeline.Tests.Scheduling;

public sealed class RetrainSchedulerTests
{
    private static readonly DateTimeOffset Trained = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A model that is retrained by moving its training time to the clock's now.</summary>
    private sealed class RecordingTarget(TimeProvider clock) : IRetrainTarget
    {
        private DateTime _trainedAt = Trained.UtcDateTime;

        public List<DateTime> Retrains { get; } = [];

        public Task<DateTime?> GetTrainedAtAsync(CancellationToken cancellationToken) => Task.FromResult<DateTime?>(_trainedAt);

        public Task RetrainAsync(CancellationToken cancellationToken)
        {
            _trainedAt = clock.GetUtcNow().UtcDateTime;
            Retrains.Add(_trainedAt);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task AModelIsRetrainedOnceItIsRetrainDaysOldAndNotBefore()
    {
        var clock = new FakeTimeProvider(Trained.AddDays(6));
        var target = new RecordingTarget(clock);
        using var scheduler = new RetrainScheduler(target, 7, NullLogger<RetrainScheduler>.Instance, clock);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => scheduler.NextCheckAt is not null);
        var untouched = target.Retrains.Count;
        clock.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(() => target.Retrains.Count == 1);
        clock.Advance(TimeSpan.FromDays(6));
        await WaitUntilAsync(() => scheduler.NextCheckAt > clock.GetUtcNow().UtcDateTime);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(0, untouched);
        Assert.Equal([Trained.AddDays(7).UtcDateTime], target.Retrains);
    }

    [Fact]
    public async Task RetrainDaysZeroNeverRetrains()
    {
        var clock = new FakeTimeProvider(Trained.AddDays(30));
        var target = new RecordingTarget(clock);
        using var scheduler = new RetrainScheduler(target, 0, NullLogger<RetrainScheduler>.Instance, clock);

        await scheduler.StartAsync(CancellationToken.None);
        await scheduler.ExecuteTask!;

        Assert.Empty(target.Retrains);
        Assert.Null(scheduler.NextCheckAt);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // A hang guard only; the scheduler works off the fake clock, so no assertion depends on elapsed time.
        for (var attempt = 0; attempt < 1000 && !condition(); attempt++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
