using Vigil.Core.Detection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;
using Vigil.Pipeline;
using Vigil.Pipeline.Scheduling;
using Vigil.Storage;

namespace Vigil.Api.Tests.Scheduling;

public sealed class HourlyDetectionSchedulerTests
{
    // The demo's detection day: the model is trained up to TrainingEnd, the day after it has events to score.
    private static readonly DateTime LastScored = DemoScenario.TrainingEnd.AddHours(10);

    [Fact]
    public async Task AfterDowntimeTheMissedHoursAreScoredOnceAndThenEachHourAtItsBoundary()
    {
        using var directory = new TempDirectory();
        await DemoData.EnsureCsvAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(DemoScenario.TrainingEnd.AddHours(13).AddMinutes(30)));
        using var context = new VigilContext(DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models")), clock);
        await new SetupService(context).RunAsync(new RunRequest(Now: DemoScenario.TrainingEnd), null, _ => { }, CancellationToken.None);
        await new DetectService(context).RunAsync(new RunRequest(Now: LastScored, Hours: 24), null, _ => { }, CancellationToken.None);
        using var scheduler = new HourlyDetectionScheduler(new StoreDetectionTarget(context, _ => { }), new HourlySchedule(1, 24), NullLogger<HourlyDetectionScheduler>.Instance, clock);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitForDetectRunsAsync(context.Store, 2);
        clock.Advance(TimeSpan.FromMinutes(31));
        await WaitForDetectRunsAsync(context.Store, 3);
        clock.Advance(TimeSpan.FromHours(3));
        await WaitForDetectRunsAsync(context.Store, 4);
        await scheduler.StopAsync(CancellationToken.None);

        var scheduled = (await context.Store.GetRunsAsync(100, CancellationToken.None))
            .Where(r => r.Kind == DetectService.RunKind && r.Range.Start >= LastScored)
            .OrderBy(r => r.Id)
            .Select(r => r.Range)
            .ToList();
        Assert.Equal(
            [Range(10, 13), Range(13, 14), Range(14, 17)],
            scheduled);
        Assert.Equal(7, (await context.Store.GetVerdictsAsync(new VerdictScope([.. context.Sources(null).Select(s => s.Name)]).Key, Range(10, 17), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AFailedRunLeavesItsHoursForTheNextBoundary()
    {
        using var directory = new TempDirectory();
        await DemoData.EnsureCsvAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(DemoScenario.TrainingEnd.AddHours(3).AddMinutes(30)));
        using var context = new VigilContext(DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models")), clock);
        using var scheduler = new HourlyDetectionScheduler(new StoreDetectionTarget(context, _ => { }), new HourlySchedule(1, 2), NullLogger<HourlyDetectionScheduler>.Instance, clock);

        // No model yet: the first run fails before recording anything.
        await scheduler.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => scheduler.NextRunAt is not null);
        await new SetupService(context).RunAsync(new RunRequest(Now: DemoScenario.TrainingEnd), null, _ => { }, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await WaitForDetectRunsAsync(context.Store, 1);
        await scheduler.StopAsync(CancellationToken.None);

        var run = Assert.Single(await context.Store.GetRunsAsync(100, CancellationToken.None), r => r.Kind == DetectService.RunKind);
        Assert.Equal(new HourRange(DemoScenario.TrainingEnd.AddHours(2), DemoScenario.TrainingEnd.AddHours(4)), run.Range);
        Assert.True(run.Outcome?.Succeeded);
    }

    private static HourRange Range(int fromHour, int toHour) => new(DemoScenario.TrainingEnd.AddHours(fromHour), DemoScenario.TrainingEnd.AddHours(toHour));

    private static Task WaitForDetectRunsAsync(IEventStore store, int count) => WaitUntilAsync(async () =>
        (await store.GetRunsAsync(100, CancellationToken.None)).Count(r => r.Kind == DetectService.RunKind && r.Outcome is not null) >= count);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // A hang guard only; the scheduler works off the fake clock, so no assertion depends on elapsed time.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the scheduler did not get there");
    }
}
